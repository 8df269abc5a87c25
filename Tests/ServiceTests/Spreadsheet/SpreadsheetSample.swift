@testable import Service

/// A sheet with every kind of cell and the traps of spreadsheets: identifiers with a leading zero, text that
/// looks like a formula, white space ODF would collapse, `_x0041_` that OOXML would decode, gaps and an empty row.
enum SpreadsheetSample {
  static let header = ["siret", "name", "amountEUR", "occurredOn", "active", "note"]
  static let styles: [Workbook.Style] = [.text, .text, .decimal, .date, .general, .text]
  static let rows: [[SheetTable.Cell]] = [
    [.text("05123456700012"), .text("=1+1"), .number("426.5"), .date("2022-06-30"), .bool(true), .text("  two  spaces\tand a tab ")],
    [.text("Emmaüs Mundo"), .empty, .number("-3"), .date("1999-12-31"), .bool(false), .text("line\nbreak _x0041_ & <b> \"q\"")],
    [.empty, .empty, .empty, .empty, .empty, .text("last")],
    [],
    [.number("12500"), .text("+33 3 88 00 00 00"), .number("0.01"), .empty, .empty, .text("@home -1")],
  ]

  static var workbook: Workbook {
    Workbook(sheets: [
      Workbook.Sheet(name: "Données", header: header, styles: styles, rows: rows),
      Workbook.Sheet(name: "Other", header: ["x"], styles: [.general], rows: [[.number("1")]]),
    ])
  }

  /// What a reader gives back: the empty row left out, the others under the numbers the spreadsheet shows.
  static var table: SheetTable {
    SheetTable(
      header: header,
      rows: [
        .init(number: 2, cells: rows[0]), .init(number: 3, cells: rows[1]), .init(number: 4, cells: rows[2]),
        .init(number: 6, cells: rows[4]),
      ])
  }
}
