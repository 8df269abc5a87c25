/// What ess writes as a spreadsheet (XLSX or ODS): sheets of typed cells,
/// each column with the number format a person sees its cells in.
///
/// Cells are ``SheetTable/Cell``s: text stays text (an identifier keeps its
/// leading zero, `=1+1` is never a formula), numbers stay numbers, dates are
/// dates with a date style.
///
/// ```swift
/// let sheet = Workbook.Sheet(
///   name: "Bilan 2022", header: ["siret", "heures"], styles: [.text, .general],
///   rows: [[.text("05123456700012"), .number("1250")]])
/// let bytes = SpreadsheetFormat.xlsx.bytes(Workbook(sheets: [sheet]))
/// ```
public struct Workbook: Sendable, Equatable {
  /// How a column's cells are shown (and how a person's typing in it is read).
  public enum Style: Sendable, Equatable {
    /// The program's default format.
    case general
    /// Text (`@`): identifiers, whatever digits they hold.
    case text
    /// A number with two decimals (euros).
    case decimal
    /// A date, `YYYY-MM-DD`.
    case date
  }

  /// One sheet: a header row, then rows of cells.
  public struct Sheet: Sendable, Equatable {
    /// The tab's name (at most 31 characters, none of `[]:*?/\`; others are replaced).
    public var name: String
    public var header: [String]
    /// One per column of the header.
    public var styles: [Style]
    public var rows: [[SheetTable.Cell]]

    public init(name: String, header: [String], styles: [Style], rows: [[SheetTable.Cell]]) {
      self.name = name
      self.header = header
      self.styles = styles
      self.rows = rows
    }

    /// The style of column `index` (`.general` past the declared ones).
    func style(_ index: Int) -> Style { index < styles.count ? styles[index] : .general }

    /// The number of columns: the header's, or the longest row's.
    var width: Int { max(header.count, rows.map(\.count).max() ?? 0) }

    /// A width for column `index`, in characters: its longest cell, between 8 and 60.
    func characters(_ index: Int) -> Int {
      var longest = index < header.count ? header[index].count : 0
      for row in rows where index < row.count {
        switch row[index] {
        case .text(let s): longest = max(longest, s.count)
        case .number(let n): longest = max(longest, n.count + 3)
        case .date: longest = max(longest, 10)
        case .bool, .empty: break
        }
      }
      return min(60, max(8, longest + 2))
    }

    /// The name a spreadsheet program accepts for a tab.
    var safeName: String {
      let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
      return cleaned.isEmpty ? "Sheet" : cleaned
    }
  }

  public var sheets: [Sheet]

  public init(sheets: [Sheet]) { self.sheets = sheets }
}
