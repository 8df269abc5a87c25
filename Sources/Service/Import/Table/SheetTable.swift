/// A table read from a CSV file or a spreadsheet, before its cells are typed
/// by the catalog: a header row, then rows of cells, each row with the number
/// people see (the CSV record's first line, the spreadsheet's row number).
///
/// CSV gives text cells only; a spreadsheet also gives numbers, dates and
/// booleans as the program stored them, which the typing rules read as such.
///
/// ```swift
/// let table = SheetTable(header: ["contractId", "insertionHours"], rows: [.init(number: 2, cells: [.text("ems-2022-0147"), .number("1250")])])
/// ```
public struct SheetTable: Sendable, Equatable {
  /// One cell.
  public enum Cell: Sendable, Equatable {
    case empty
    /// Text as typed (a CSV cell is always text).
    case text(String)
    /// A number a spreadsheet stored, as its exact decimal literal (`1250`, `426.5`).
    case number(String)
    /// A date a spreadsheet stored, `YYYY-MM-DD`.
    case date(String)
    case bool(Bool)
  }

  /// One row and the number people see it under.
  public struct Row: Sendable, Equatable {
    public var number: Int
    public var cells: [Cell]

    public init(number: Int, cells: [Cell]) {
      self.number = number
      self.cells = cells
    }
  }

  /// The column names of the first row.
  public var header: [String]
  public var rows: [Row]

  public init(header: [String], rows: [Row]) {
    self.header = header
    self.rows = rows
  }
}
