import Journal

/// `ess export --format csv|csv-fr` and `ess log --format csv|csv-fr`: one row per event, in a CSV dialect.
public enum EventCSV {
  public static let columns = [
    "seq", "id", "type", "version", "occurredOn", "recordedAt", "author", "source", "reason", "data", "prev", "hash",
  ]
  public static let header = columns.joined(separator: ",")

  /// The header line of `dialect`, the BOM first if it has one.
  public static func header(_ dialect: CSVDialect) -> String { dialect.start + dialect.header(columns) }

  /// One event's row (open-data dialect).
  public static func row(_ r: Record) -> String { row(r, .openData) }

  /// One event's row in `dialect`: seq and version are numbers, the dates as they are, the rest text (so, in
  /// `csv-fr`, an author or a reason starting with `=` is defused).
  public static func row(_ r: Record, _ dialect: CSVDialect) -> String {
    dialect.row([
      .number(String(r.seq)), .text(r.id), .text(r.type), .number(String(r.version)), .date(r.occurredOn), .date(r.recordedAt.rfc3339),
      .text(r.author), r.source.map { .text($0) } ?? .empty, r.reason.map { .text($0) } ?? .empty,
      .text(String(decoding: r.dataBytes, as: UTF8.self)), .text(r.prev.description), .text(r.hash.description),
    ])
  }
}
