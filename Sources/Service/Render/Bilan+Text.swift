import Journal
import Projections

extension Bilan {
  /// A short public report: sections per domain, labels in words, the
  /// year's milestones, and a footer naming the history read and the cut.
  public func text(language: BilanLanguage, markdown: Bool) -> String {
    let fr = language == .fr
    var out: [String] = []
    let title =
      fr ? "Bilan \(year) de l'économie sociale et solidaire — Strasbourg" : "\(year) social and solidarity economy report — Strasbourg"
    out.append(markdown ? "# \(title)" : title)
    if !markdown { out.append(String(repeating: "=", count: title.count)) }
    if let asKnownOn {
      out.append(fr ? "Tel que connu le \(asKnownOn)." : "As known on \(asKnownOn).")
    }
    let byKey = Dictionary(changes.map { ($0.key, $0) }) { a, _ in a }
    for section in BilanLabels.sections {
      let rows = indicators.filter { $0.key.hasPrefix(section.prefix) }
      guard !rows.isEmpty else { continue }
      out.append("")
      let name = fr ? section.fr : section.en
      out.append(markdown ? "## \(name)" : name)
      if !markdown { out.append(String(repeating: "-", count: name.count)) }
      let width = rows.map { BilanLabels.label($0, reported: reported[$0.key], language).count }.max() ?? 0
      let values = rows.map { NumberFormat.value($0, reported: reported[$0.key], language) }
      let valueWidth = values.map(\.count).max() ?? 0
      for (r, value) in zip(rows, values) {
        let label = BilanLabels.label(r, reported: reported[r.key], language)
        let change = byKey[r.key].flatMap { NumberFormat.change($0, unit: r.unit, language) }.map {
          (fr ? "depuis \(year - 1) : " : "since \(year - 1): ") + $0
        }
        if markdown {
          out.append("- \(label) : **\(value)**".replacingColon(fr) + (change.map { " (\($0))" } ?? ""))
        } else {
          let line = "  " + label + String(repeating: " ", count: width - label.count) + "  " + value
          out.append(change.map { line + String(repeating: " ", count: valueWidth - value.count) + "   " + $0 } ?? line)
        }
      }
    }
    out.append("")
    let stonesTitle = fr ? "Jalons de l'année" : "Milestones of the year"
    out.append(markdown ? "## \(stonesTitle)" : stonesTitle)
    if !markdown { out.append(String(repeating: "-", count: stonesTitle.count)) }
    if milestones.isEmpty { out.append(fr ? "  (aucun)" : "  (none)") }
    for m in milestones {
      out.append((markdown ? "- " : "  ") + "\(m.date)  \(m.title) (\(BilanLabels.milestoneKind(m.kind, language)))")
    }
    out.append("")
    out.append(BilanLabels.readFrom(seq: journalSeq, hash: journalHash, asKnownOn: asKnownOn, language))
    return out.joined(separator: "\n")
  }
}

extension String {
  /// French puts a space before a colon; English does not.
  func replacingColon(_ french: Bool) -> String { french ? self : replacing(" : ", with: ": ") }
}
