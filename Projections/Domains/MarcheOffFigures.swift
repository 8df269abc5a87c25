import Domain
import Journal

/// The Marché OFF de Noël: the latest report (by valid time) of each edition.
package struct MarcheOffFigures: DomainFigures {
  var editions: [Int: StampedReports] = [:]

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    guard e.kind == .marcheOffEditionReported else { return }
    let edition = MarcheOffEditionReported.View(e.data).edition
    editions[Int(edition), default: StampedReports()].set(e, sign: sign)
    if editions[Int(edition)]?.bySeq.isEmpty == true { editions[Int(edition)] = nil }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    let report = editions[year]?.latest.map(MarcheOffEditionReported.View.init)
    return [
      .init(key: "marcheoff.exhibitors", value: report.map { .integer($0.exhibitors) } ?? .null, unit: .count),
      .init(key: "marcheoff.partners", value: report.map { .integer($0.partners) } ?? .null, unit: .count),
      .init(key: "marcheoff.events", value: report.map { .integer($0.eventsCount) } ?? .null, unit: .count),
      .init(key: "marcheoff.revenue_eur", value: report.map { .cents($0.revenueEUR.cents) } ?? .null, unit: .eur),
    ]
  }

  package var encoded: JSONValue { .object(Dictionary(uniqueKeysWithValues: editions.map { (String($0.key), $0.value.encoded) })) }

  package init?(decoding v: JSONValue) {
    guard let o = v.objectValue else { return nil }
    for (k, r) in o {
      guard let edition = Int(k), let reports = StampedReports(decoding: r) else { return nil }
      editions[edition] = reports
    }
  }
}
