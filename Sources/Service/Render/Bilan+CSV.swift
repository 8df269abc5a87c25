import Journal
import Projections

extension Bilan {
  /// One row per indicator: key, label, value (as in JSON), unit.
  public func csv(language: BilanLanguage) -> String {
    var rows = ["key,label,value,unit"]
    for i in indicators {
      let value = i.value.json.isNull ? "" : i.value.json.canonicalString
      rows.append(
        [i.key, BilanLabels.label(i, reported: reported[i.key], language), value, i.unit.rawValue].map(CSVField.quote).joined(
          separator: ","))
    }
    return rows.joined(separator: "\n")
  }
}
