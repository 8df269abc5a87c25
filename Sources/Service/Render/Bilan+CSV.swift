import Journal
import Projections

extension Bilan {
  /// One row per indicator: key, label, value (as in JSON), unit; then, when computed, the value of Y−1 and
  /// the absolute and relative changes (as in JSON, empty for null).
  public func csv(language: BilanLanguage) -> String {
    var rows = [changes.isEmpty ? "key,label,value,unit" : "key,label,value,unit,previous,change,relative"]
    let byKey = Dictionary(changes.map { ($0.key, $0) }) { a, _ in a }
    for i in indicators {
      var fields = [i.key, BilanLabels.label(i, reported: reported[i.key], language), Self.cell(i.value), i.unit.rawValue]
      if let c = byKey[i.key] { fields += [Self.cell(c.previous), Self.cell(c.absolute), Self.cell(c.relative)] }
      rows.append(fields.map(CSVField.quote).joined(separator: ","))
    }
    return rows.joined(separator: "\n")
  }

  static func cell(_ v: Bilan.Value) -> String { v.json.isNull ? "" : v.json.canonicalString }
}
