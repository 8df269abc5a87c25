/// RFC 4180 fields: one with a comma, a quote or a line break is quoted, its
/// quotes doubled. Done on the UTF-8 bytes (those four are ASCII, never part
/// of another character's bytes), not on characters: a million rows of JSON
/// data are exported in seconds, and "\r\n" counts as a line break.
enum CSVField {
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
