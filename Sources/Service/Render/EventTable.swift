import Journal

/// The table `ess log` prints on a terminal: one line per event.
public enum EventTable {
  public static let header = "  seq  occurred    type                                  author          data"

  /// One event's row, cut to `width` characters.
  public static func row(_ r: Record, width: Int = 160) -> String {
    let seq = String(r.seq)
    var line =
      String(repeating: " ", count: max(0, 5 - seq.count)) + seq + "  " + pad(String(r.occurredOn.prefix(10)), 10) + "  "
      + pad(r.type, 36) + "  " + pad(String(r.author.prefix(14)), 14) + "  "
    let data = String(decoding: r.dataBytes, as: UTF8.self)
    let room = max(10, width - line.count)
    line += data.count > room ? String(data.prefix(room - 1)) + "…" : data
    return line
  }

  static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
