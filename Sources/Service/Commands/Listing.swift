import Domain
import Journal

/// `ess log` and `ess export`: the journal's events, filtered, one line each.
///
/// ```swift
/// try Listing.write(journal: "journal", format: .csv, type: "okote.pledge-made") { print($0) }
/// ```
public enum Listing {
  public enum Format: String, Sendable, CaseIterable {
    /// A table for a terminal.
    case table
    /// JSON Lines: the canonical lines, re-importable.
    case jsonl
    /// CSV, one row per event.
    case csv
  }

  /// Whether `text` is a date `YYYY-MM-DD` that exists.
  public static func isDate(_ text: String) -> Bool { CivilDate(iso: text) != nil }

  /// Calls `line` with each line of the listing (a header first for table and csv).
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
    case .csv: line(EventCSV.header)
    case .jsonl: break
    }
    try filter.forEach(in: journal) { r in
      switch format {
      case .table: line(EventTable.row(r))
      case .csv: line(EventCSV.row(r))
      case .jsonl: line(r.line)
      }
    }
  }
}
