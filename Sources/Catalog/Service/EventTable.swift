import Journal

/// The table `ess log` prints on a terminal: one line per event.
public enum EventTable {
  public static let header = "  seq  occurred    type                                  author          data"

  public static func row(_ r: Record, width: Int = 160) -> String {
    let seq = String(r.seq)
    let type = r.type
    let author = r.author
    var line =
      String(repeating: " ", count: max(0, 5 - seq.count)) + seq + "  " + pad(String(r.occurredOn.prefix(10)), 10) + "  "
      + pad(type, 36) + "  " + pad(String(author.prefix(14)), 14) + "  "
    let data = String(decoding: r.dataBytes, as: UTF8.self)
    let room = max(10, width - line.count)
    line += data.count > room ? String(data.prefix(room - 1)) + "…" : data
    return line
  }

  static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}

/// `ess export --format csv`: one row per event, RFC 4180 quoting.
public enum EventCSV {
  public static let header = "seq,id,type,version,occurredOn,recordedAt,author,source,reason,data,prev,hash"

  public static func row(_ r: Record) -> String {
    [
      String(r.seq), r.id, r.type, String(r.version), r.occurredOn, r.recordedAt.rfc3339, r.author, r.source ?? "",
      r.reason ?? "", String(decoding: r.dataBytes, as: UTF8.self), r.prev.description, r.hash.description,
    ].map(quote).joined(separator: ",")
  }

  /// RFC 4180: a field with a comma, a quote or a line break is quoted, its
  /// quotes doubled. Done on the UTF-8 bytes (those four are ASCII, never
  /// part of another character's bytes), not on characters: a million rows
  /// of JSON data are exported in seconds, and "\r\n" counts as a line break.
  static func quote(_ s: String) -> String {
    let u = s.utf8
    guard u.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
    var out: [UInt8] = [34]
    out.reserveCapacity(u.count + 16)
    for b in u {
      if b == 34 { out.append(34) }
      out.append(b)
    }
    out.append(34)
    return String(decoding: out, as: UTF8.self)
  }
}
