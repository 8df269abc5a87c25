/// RFC 4180 fields: one with a comma, a semicolon, a quote or a line break is quoted, its quotes doubled (both
/// separators, so that a field reads the same in either dialect). Done on the UTF-8 bytes (those five are ASCII, never
/// part of another character's bytes), not on characters: a million rows of JSON data are exported in seconds, and
/// "\r\n" counts as a line break.
enum CSVField {
  static func quote(_ s: String) -> String {
    let u = s.utf8
    guard u.contains(where: { $0 == 44 || $0 == 59 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
    var out: [UInt8] = [34]
    out.reserveCapacity(u.count + 16)
    for b in u {
      if b == 34 { out.append(34) }
      out.append(b)
    }
    out.append(34)
    return String(decoding: out, as: UTF8.self)
  }

  /// The CSV-injection rule (FORMATS.md §2, `csv-fr`): text a spreadsheet would run as a formula — its first byte is
  /// `=`, `+`, `-`, `@`, TAB or CR — gets a leading `'`, which the spreadsheet shows as text. For text cells only.
  static func defused(_ s: String) -> String {
    guard let first = s.utf8.first, first == 61 || first == 43 || first == 45 || first == 64 || first == 9 || first == 13 else {
      return s
    }
    return "'" + s
  }
}
