import Domain
import Journal

/// `ess log` and `ess export`: the journal's events, filtered, one line each.
///
/// ```swift
/// try Listing.write(journal: "journal", format: .csvFR, type: "okote.pledge-made") { print($0, terminator: Listing.Format.csvFR.lineEnd) }
/// ```
public enum Listing {
  public enum Format: String, Sendable, CaseIterable {
    /// A table for a terminal.
    case table
    /// JSON Lines: the canonical lines, re-importable.
    case jsonl
    /// CSV, one row per event: the open-data dialect (`,`, CRLF, no BOM).
    case csv
    /// CSV for spreadsheets in French (`;`, CRLF, BOM, formulas defused): FORMATS.md §2.
    case csvFR = "csv-fr"

    /// The CSV dialect of this format, if it is one.
    public var dialect: CSVDialect? {
      switch self {
      case .csv: .openData
      case .csvFR: .spreadsheetFR
      case .table, .jsonl: nil
      }
    }

    /// What ends each line: CRLF for CSV, `\n` otherwise.
    public var lineEnd: String { dialect == nil ? "\n" : CSVDialect.lineEnd }
  }

  /// Whether `text` is a date `YYYY-MM-DD` that exists.
  public static func isDate(_ text: String) -> Bool { CivilDate(iso: text) != nil }

  /// Calls `line` with each line of the listing, without its line end (``Format/lineEnd``): a header first for table
  /// and CSV (the BOM before it in `csv-fr`).
  ///
  /// - Parameters:
  ///   - type: only events of this type.
  ///   - from, to: only events whose valid date (Europe/Paris) is in this range, inclusive (`YYYY-MM-DD`).
  /// - Throws: ``ServiceError`` if the journal cannot be read.
  public static func write(
    journal: String, format: Format, type: String? = nil, from: String? = nil, to: String? = nil, line: (String) -> Void
  ) throws(ServiceError) {
    let filter = EventFilter(type: type, from: from.flatMap { CivilDate(iso: $0) }, to: to.flatMap { CivilDate(iso: $0) })
    switch format {
    case .table: line(EventTable.header)
    case .csv, .csvFR: line(EventCSV.header(format.dialect ?? .openData))
    case .jsonl: break
    }
    try filter.forEach(in: journal) { r in
      switch format {
      case .table: line(EventTable.row(r))
      case .csv: line(EventCSV.row(r, .openData))
      case .csvFR: line(EventCSV.row(r, .spreadsheetFR))
      case .jsonl: line(r.line)
      }
    }
  }
}
