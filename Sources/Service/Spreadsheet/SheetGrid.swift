/// The non-empty cells of a sheet as a reader finds them (rows and columns may come with gaps, in
/// order), turned into a ``SheetTable``: the first row that holds anything is the header, rows with
/// nothing in them are left out, every row keeps the number the spreadsheet shows.
struct SheetGrid {
  /// The largest sheet the programs make: 1 048 576 rows of 16 384 columns.
  static let maxRows = 1_048_576
  static let maxColumns = 16_384

  private var rows: [(number: Int, cells: [(column: Int, cell: SheetTable.Cell)])] = []

  /// Adds `cell` at row `number` (1-based, never less than the last one given), column `column` (0-based).
  mutating func add(_ cell: SheetTable.Cell, row number: Int, column: Int) {
    if cell == .empty { return }
    if rows.last?.number != number { rows.append((number, [])) }
    rows[rows.count - 1].cells.append((column, cell))
  }

  /// The table; `sheet` names the sheet in the message about an empty one.
  func table(file: String, sheet: String) throws(ServiceError) -> SheetTable {
    guard let first = rows.first else {
      throw ServiceError(
        .badInput, "\(file): the sheet '\(sheet)' is empty; expected a header row of field names, then one row per event.",
        at: .init(file: file))
    }
    var header = Array(repeating: "", count: (first.cells.map(\.column).max() ?? -1) + 1)
    for (column, cell) in first.cells { header[column] = Self.text(cell) }
    var out: [SheetTable.Row] = []
    out.reserveCapacity(rows.count - 1)
    for row in rows.dropFirst() {
      let width = max(header.count, (row.cells.map(\.column).max() ?? -1) + 1)
      var cells = Array(repeating: SheetTable.Cell.empty, count: width)
      for (column, cell) in row.cells { cells[column] = cell }
      out.append(SheetTable.Row(number: row.number, cells: cells))
    }
    return SheetTable(header: header, rows: out)
  }

  /// A header cell as text (a number as its literal, a date as `YYYY-MM-DD`).
  static func text(_ cell: SheetTable.Cell) -> String {
    switch cell {
    case .empty: ""
    case .text(let s): s
    case .number(let n): n
    case .date(let d): d
    case .bool(let b): b ? "TRUE" : "FALSE"
    }
  }

  /// Where a cell is, as a person finds it: "Row 7, column C".
  static func place(row: Int, column: Int) -> String { "Row \(row), column \(CellValues.letters(column))" }
}
