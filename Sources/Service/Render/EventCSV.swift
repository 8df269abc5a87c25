import Journal

/// `ess export --format csv`: one row per event, RFC 4180 quoting.
public enum EventCSV {
  public static let header = "seq,id,type,version,occurredOn,recordedAt,author,source,reason,data,prev,hash"

  /// One event's row.
  public static func row(_ r: Record) -> String {
    [
      String(r.seq), r.id, r.type, String(r.version), r.occurredOn, r.recordedAt.rfc3339, r.author, r.source ?? "",
      r.reason ?? "", String(decoding: r.dataBytes, as: UTF8.self), r.prev.description, r.hash.description,
    ].map(CSVField.quote).joined(separator: ",")
  }
}
