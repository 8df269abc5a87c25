import Domain
import Journal
import Projections

/// What the HTML bilan's template is given: headline figures, sections,
/// charts (generated SVG), milestones and the colophon, all already in words
/// and in the language of the page. Built from one pass over the journal.
struct BilanPage {
  let bilan: Bilan
  let series: Series
  let years: DomainYears.State
  let language: BilanLanguage
  /// The signed checkpoint that covers what was read, if any.
  let checkpoint: Checkpoint?
  let command: String
  /// By indicator key: the sources of the events that moved it ("" for none given).
  let sources: [String: [String]]
  /// The keys a correction or retraction moved after they were first known.
  let corrected: Set<String>

  var fr: Bool { language == .fr }

  /// The footnotes' numbers, one per figure of the tables that has sources or was corrected, in the page's order.
  var notes: [String: Int] {
    var out: [String: Int] = [:]
    for section in BilanLabels.sections {
      for i in bilan.indicators where i.key.hasPrefix(section.prefix) && (sources[i.key] != nil || corrected.contains(i.key)) {
        out[i.key] = out.count + 1
      }
    }
    return out
  }

  func historyCommand(_ key: String) -> String {
    "ess history \(key) --year \(bilan.year)" + (bilan.asKnownOn.map { " --as-known-on \($0)" } ?? "")
  }

  var footnotes: [[String: Any]] {
    let numbers = notes
    return bilan.indicators.compactMap { i -> (Int, [String: Any])? in
      guard let n = numbers[i.key] else { return nil }
      let said = (sources[i.key] ?? []).map { $0.isEmpty ? (fr ? "(source non précisée)" : "(no source given)") : $0 }
      return (
        n,
        [
          "n": String(n), "label": BilanLabels.label(i, reported: bilan.reported[i.key], language),
          "sources": said.joined(separator: " ; "), "corrected": corrected.contains(i.key), "command": historyCommand(i.key),
          "correctedText": fr ? "Corrigé depuis sa première publication ; pourquoi :" : "Corrected since it was first known; why:",
        ]
      )
    }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// The key figures shown first.
  static let headlineKeys = [
    "procurement.insertion_hours", "procurement.contracts_awarded", "procurement.ess_amount_eur", "okote.amount_eur",
    "pole.members_at_year_end", "books.collected",
  ]

  /// The keys the charts need, year by year.
  static let chartKeys = [
    "procurement.insertion_hours", "procurement.contracts_awarded", "procurement.social_clause_share", "okote.amount_citizens_eur",
    "okote.amount_companies_eur", "okote.amount_public_eur", "pole.members_at_year_end", "books.collected_total",
  ]

  /// The change since Y−1 in two parts: the words (which may wrap) and the figures (which may not).
  func change(_ key: String) -> (since: String, delta: String)? {
    guard let c = bilan.changes.first(where: { $0.key == key }), let i = bilan.indicators.first(where: { $0.key == key }),
      let said = NumberFormat.change(c, unit: i.unit, language)
    else { return nil }
    return (fr ? "depuis \(bilan.year - 1) :" : "since \(bilan.year - 1):", said)
  }

  func row(_ i: Bilan.Indicator, notes: [String: Int] = [:]) -> [String: Any] {
    [
      "key": i.key, "label": BilanLabels.label(i, reported: bilan.reported[i.key], language),
      "value": NumberFormat.value(i, reported: bilan.reported[i.key], language), "hasChange": change(i.key) != nil,
      "since": change(i.key)?.since ?? "", "delta": change(i.key)?.delta ?? "",
      "note": notes[i.key].map(String.init) ?? "", "hasNote": notes[i.key] != nil, "corrected": corrected.contains(i.key),
      "correctedMark": fr ? "corrigé" : "corrected",
    ]
  }

  var context: [String: Any] {
    let title =
      fr
      ? "Bilan \(bilan.year) de l'économie sociale et solidaire — Strasbourg"
      : "\(bilan.year) social and solidarity economy report — Strasbourg"
    let cut =
      bilan.asKnownOn.map { fr ? "Tel que connu le \($0)." : "As known on \($0)." }
      ?? (fr ? "Tel que connu à la date du dernier événement lu." : "As known at the last event read.")
    let headline: [[String: Any]] = Self.headlineKeys.compactMap { key in bilan.indicators.first { $0.key == key }.map { row($0) } }
    let notes = self.notes
    let sections: [[String: Any]] = BilanLabels.sections.enumerated().compactMap { n, section in
      let rows = bilan.indicators.filter { $0.key.hasPrefix(section.prefix) }
      guard !rows.isEmpty else { return nil }
      return [
        "id": "section-\(n + 1)", "name": fr ? section.fr : section.en, "rows": rows.map { row($0, notes: notes) },
        "indicatorHeader": fr ? "Indicateur" : "Indicator", "valueHeader": String(bilan.year),
        "changeHeader": fr ? "Évolution" : "Change",
      ]
    }
    let milestones: [[String: Any]] = bilan.milestones.map { m in
      ["date": m.date, "dateText": Self.dateText(m.date, language), "title": m.title, "kind": BilanLabels.milestoneKind(m.kind, language)]
    }
    var read =
      fr
      ? "Lu dans le journal jusqu'au seq \(bilan.journalSeq) (hash \(bilan.journalHash))"
      : "Read from the journal up to seq \(bilan.journalSeq) (hash \(bilan.journalHash))"
    if let checkpoint {
      read +=
        fr
        ? ", couvert par le point de contrôle signé de taille \(checkpoint.size) du journal \(checkpoint.origin) (racine \(checkpoint.root.base64))"
        : ", covered by the signed checkpoint of size \(checkpoint.size) of the journal \(checkpoint.origin) (root \(checkpoint.root.base64))"
    }
    read += bilan.asKnownOn.map { fr ? ", tel que connu le \($0)." : ", as known on \($0)." } ?? "."
    return [
      "lang": language.rawValue, "title": title, "cut": cut, "program": "ess \(BuildIdentity.version)",
      "headlineTitle": fr ? "L'année en chiffres" : "The year in figures", "headline": headline, "sections": sections,
      "chartsTitle": fr ? "Évolution depuis \(series.rows.first?.year ?? bilan.year)" : "Since \(series.rows.first?.year ?? bilan.year)",
      "notRecordedNote": fr
        ? "« n.d. » : non disponible, aucun événement de ce domaine n'est enregistré dans le journal pour l'année (ce n'est pas un zéro)."
        : "“n/a”: not available, the journal records no event of this domain for the year (it is not a zero).",
      "charts": charts.map { chart -> [String: Any] in
        let table = chart.table
        return [
          "id": chart.id, "title": chart.title, "svg": chart.svg, "dataLabel": fr ? "Les données du graphique" : "The chart's data",
          "headers": table.headers, "rows": table.rows.map { ["cells": $0] },
        ]
      },
      "milestonesTitle": fr ? "Jalons de l'année" : "Milestones of the year", "hasMilestones": !milestones.isEmpty,
      "milestones": milestones, "noMilestones": fr ? "Aucun jalon enregistré." : "No milestone recorded.",
      "sourcesTitle": fr ? "Sources des chiffres" : "Where the figures come from",
      "sourcesNote": fr
        ? "Pour chaque chiffre, les sources des événements du journal qui l'ont fait évoluer ; « corrigé » marque un chiffre modifié par une correction après sa première publication."
        : "For each figure, the sources of the journal's events that moved it; “corrected” marks a figure changed by a correction after it was first known.",
      "footnotes": footnotes, "hasFootnotes": !notes.isEmpty,
      "readFrom": read, "reproduce": fr ? "Pour refaire cette page :" : "To make this page again:", "command": command,
      "programLine": fr
        ? "Produit par ess \(BuildIdentity.version) à partir du seul journal ; la même entrée donne les mêmes octets."
        : "Made by ess \(BuildIdentity.version) from the journal alone; the same input gives the same bytes.",
    ]
  }

  /// A value of the series, or nil when its domain recorded nothing that year (stocks: before their first year).
  func value(_ key: String, _ rowIndex: Int, stock: Bool = false) -> Double? {
    let row = series.rows[rowIndex]
    guard let domain = EventDomain.of(key: key) else { return nil }
    let recorded = stock ? (years.first(domain).map { row.year >= $0 } ?? false) : years.recorded(domain, row.year)
    guard recorded, let column = series.columns.firstIndex(where: { $0.key == key }) else { return nil }
    switch row.values[column] {
    case .null: return nil
    case .integer(let v): return Double(v)
    case .cents(let c): return Double(c) / 100
    case .fraction(let n, let d): return Double(n) / Double(d)
    case .number(let n): return Double(n.text)
    }
  }

  func values(_ key: String, stock: Bool = false) -> [Double?] { series.rows.indices.map { value(key, $0, stock: stock) } }

  var charts: [SVGChart] {
    let years = series.rows.map(\.year)
    func label(_ key: String) -> String { BilanLabels.label(key, language) }
    return [
      SVGChart(
        id: "chart-insertion-hours", title: fr ? "Heures d'insertion par année" : "Insertion hours per year", years: years,
        series: [.init(name: label("procurement.insertion_hours"), values: values("procurement.insertion_hours"))], kind: .bars,
        language: language, unit: .hours),
      SVGChart(
        id: "chart-contracts",
        title: fr ? "Marchés attribués et part avec clause sociale" : "Contracts awarded and share with a social clause",
        years: years,
        series: [
          .init(name: label("procurement.contracts_awarded"), values: values("procurement.contracts_awarded")),
          .init(name: label("procurement.social_clause_share"), values: values("procurement.social_clause_share")),
        ], kind: .barsAndShareLine, language: language),
      SVGChart(
        id: "chart-okote", title: fr ? "Okoté : montants collectés par type de contributeur" : "Okoté: amounts pledged by contributor kind",
        years: years,
        series: ["okote.amount_citizens_eur", "okote.amount_companies_eur", "okote.amount_public_eur"].map {
          .init(name: label($0), values: values($0))
        }, kind: .stackedBars, language: language, unit: .euros),
      SVGChart(
        id: "chart-members", title: fr ? "Membres du Pôle au 31 décembre" : "Pôle members on 31 December", years: years,
        series: [.init(name: label("pole.members_at_year_end"), values: values("pole.members_at_year_end", stock: true))], kind: .line,
        language: language),
      SVGChart(
        id: "chart-books", title: fr ? "Livres collectés depuis le début" : "Books collected to date", years: years,
        series: [.init(name: label("books.collected_total"), values: values("books.collected_total", stock: true))], kind: .line,
        language: language),
    ]
  }

  static let monthsFR = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
  ]
  static let monthsEN = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]

  /// "5 mai 2022" / "5 May 2022".
  static func dateText(_ iso: String, _ language: BilanLanguage) -> String {
    guard let d = CivilDate(iso: iso) else { return iso }
    let month = (language == .fr ? monthsFR : monthsEN)[d.month - 1]
    return language == .fr ? "\(d.day == 1 ? "1er" : String(d.day)) \(month) \(d.year)" : "\(d.day) \(month) \(d.year)"
  }
}
