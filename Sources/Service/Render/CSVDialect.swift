/// The two CSV dialects ess writes (FORMATS.md §2): `csv`, for open-data portals and programs, and `csv-fr`, for
/// LibreOffice and Excel in French. Both quote as RFC 4180 says and end lines with CRLF; they differ in separator,
/// byte-order mark, decimal mark, booleans and the CSV-injection rule.
///
/// ```swift
/// let fr = CSVDialect.spreadsheetFR
/// fr.row([.text("=1+1"), .number("426.50"), .boolean(true)])   // "'=1+1;426,50;oui"
/// CSVDialect.openData.row([.text("a,b"), .number("-12.5")])      // "\"a,b\",-12.5"
/// ```
public struct CSVDialect: Sendable, Equatable {
  /// The field separator: `,` or `;`.
  public var separator: Character
  /// Whether the file starts with a UTF-8 byte-order mark (what makes Excel read UTF-8).
  public var byteOrderMark: Bool
  /// The decimal mark of numbers: `.` or `,` (never any grouping).
  public var decimalMark: Character
  /// How booleans are written.
  public var trueText: String
  public var falseText: String
  /// Whether a text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, TAB or CR first) gets a leading `'`.
  public var escapesFormulas: Bool

  /// The open-data dialect (`--format csv`): `,`, no BOM, `.` decimals, `true`/`false`, text as is.
  public static let openData = CSVDialect(
    separator: ",", byteOrderMark: false, decimalMark: ".", trueText: "true", falseText: "false", escapesFormulas: false)
  /// The dialect of spreadsheets in French (`--format csv-fr`): `;`, BOM, decimal comma, `oui`/`non`, formulas defused.
  public static let spreadsheetFR = CSVDialect(
    separator: ";", byteOrderMark: true, decimalMark: ",", trueText: "oui", falseText: "non", escapesFormulas: true)

  /// The line end of both dialects (RFC 4180).
  public static let lineEnd = "\r\n"
  /// What starts the file: the BOM, or nothing.
  public var start: String { byteOrderMark ? "\u{FEFF}" : "" }
  /// The encoding's name as a Frictionless data package writes it.
  public var encodingName: String { byteOrderMark ? "utf-8-sig" : "utf-8" }

  /// One cell, typed: the dialect decides how each kind is written.
  public enum Cell: Sendable, Equatable {
    /// Text: quoted when needed; in `csv-fr`, formulas defused.
    case text(String)
    /// A number in JSON's form (`-12.5`, `426.50`, `3`): its decimal mark is the dialect's; never prefixed.
    case number(String)
    case boolean(Bool)
    /// An ISO date or an RFC 3339 date-time: written as is.
    case date(String)
    /// No value (a null).
    case empty
  }

  /// A cell as written in this dialect (quoted if needed).
  public func cell(_ cell: Cell) -> String {
    switch cell {
    case .text(let s): return CSVField.quote(escapesFormulas ? CSVField.defused(s) : s)
    case .number(let n): return decimalMark == "." ? n : n.replacing(".", with: String(decimalMark))
    case .boolean(let b): return b ? trueText : falseText
    case .date(let d): return CSVField.quote(d)
    case .empty: return ""
    }
  }

  /// One row, without its line end.
  public func row(_ cells: [Cell]) -> String {
    cells.map(cell).joined(separator: String(separator))
  }

  /// A header row (text cells, never defused: names are ours).
  public func header(_ names: [String]) -> String {
    names.map(CSVField.quote).joined(separator: String(separator))
  }

  /// A whole document: the BOM if any, the header, then the rows, lines joined by CRLF. Like every report's text it
  /// lacks its last line end, which whoever writes it adds (``lineEnd``: `Reports.BilanFormat.lineEnd`).
  public func document(header names: [String], rows: [[Cell]]) -> String {
    var out = start + header(names)
    for r in rows { out += Self.lineEnd + row(r) }
    return out
  }
}
