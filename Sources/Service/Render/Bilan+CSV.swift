import Journal
import Projections

extension Bilan {
  /// One row per indicator: key, label, value, unit; then, when computed, the value of Y−1 and the absolute and
  /// relative changes (empty for null). Numbers as ``Bilan/Value/csvCell`` says, in `dialect`'s decimal mark.
  public func csv(language: BilanLanguage, dialect: CSVDialect = .openData) -> String {
    let header = ["key", "label", "value", "unit"] + (changes.isEmpty ? [] : ["previous", "change", "relative"])
    let byKey = Dictionary(changes.map { ($0.key, $0) }) { a, _ in a }
    let rows = indicators.map { i in
      var cells: [CSVDialect.Cell] = [
        .text(i.key), .text(BilanLabels.label(i, reported: reported[i.key], language)), i.value.csvCell, .text(i.unit.rawValue),
      ]
      if let c = byKey[i.key] { cells += [c.previous.csvCell, c.absolute.csvCell, c.relative.csvCell] }
      return cells
    }
    return dialect.document(header: header, rows: rows)
  }
}

extension Bilan.Value {
  /// The value as a CSV cell: integers; euros with their two decimals (`426.50`, exact); shares and other numbers as
  /// in JSON (`0.8571428571428571`); empty for null.
  public var csvCell: CSVDialect.Cell {
    switch self {
    case .null: return .empty
    case .cents(let c):
      let rest = c.magnitude % 100
      return .number((c < 0 ? "-" : "") + String(c.magnitude / 100) + (rest < 10 ? ".0" : ".") + String(rest))
    default: return .number(json.canonicalString)
    }
  }
}
