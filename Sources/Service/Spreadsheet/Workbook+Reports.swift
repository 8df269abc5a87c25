import Journal
import Projections

extension Workbook {
  /// The bilan as a workbook: the indicators (the columns of `ess bilan --format csv`: key, label, value,
  /// unit, and the change since the year before when computed), then what was read (year, cut, journal seq and hash).
  public init(bilan: Bilan, language: BilanLanguage) {
    let byKey = Dictionary(bilan.changes.map { ($0.key, $0) }) { a, _ in a }
    var header = ["key", "label", "value", "unit"]
    var styles: [Style] = [.text, .text, .general, .text]
    if !bilan.changes.isEmpty {
      header += ["previous", "change", "relative"]
      styles += [.general, .general, .general]
    }
    let rows = bilan.indicators.map { i in
      var cells: [SheetTable.Cell] = [
        .text(i.key), .text(BilanLabels.label(i, reported: bilan.reported[i.key], language)), Self.cell(i.value), .text(i.unit.rawValue),
      ]
      if let c = byKey[i.key] { cells += [Self.cell(c.previous), Self.cell(c.absolute), Self.cell(c.relative)] }
      return cells
    }
    let read: [[SheetTable.Cell]] = [
      [.text("year"), .number(String(bilan.year))],
      [.text("asKnownOn"), bilan.asKnownOn.map { CellValues.days($0) != nil ? .date($0) : .text($0) } ?? .empty],
      [.text("journalSeq"), .number(String(bilan.journalSeq))],
      [.text("journalHash"), .text("\(bilan.journalHash)")],
    ]
    self.init(sheets: [
      Sheet(name: "Bilan \(bilan.year)", header: header, styles: styles, rows: rows),
      Sheet(name: "Source", header: ["field", "value"], styles: [.text, .general], rows: read),
    ])
  }

  /// A series as a workbook: one row per year, one column per indicator (euros with two decimals), then what was read.
  public init(series: Series) {
    let header = ["year"] + series.columns.map(\.key)
    let styles: [Style] = [.general] + series.columns.map { $0.unit == .eur ? .decimal : .general }
    let rows = series.rows.map { row in [SheetTable.Cell.number(String(row.year))] + row.values.map(Self.cell) }
    let read: [[SheetTable.Cell]] = [
      [.text("asKnownOn"), series.asKnownOn.map { CellValues.days($0) != nil ? .date($0) : .text($0) } ?? .empty],
      [.text("journalSeq"), .number(String(series.journalSeq))],
      [.text("journalHash"), .text("\(series.journalHash)")],
    ]
    self.init(sheets: [
      Sheet(name: "Series", header: header, styles: styles, rows: rows),
      Sheet(name: "Source", header: ["field", "value"], styles: [.text, .general], rows: read),
    ])
  }

  /// A value as in the bilan's JSON: a number, or an empty cell for null.
  static func cell(_ value: Bilan.Value) -> SheetTable.Cell {
    let json = value.json
    return json.isNull ? .empty : .number(json.canonicalString)
  }
}
