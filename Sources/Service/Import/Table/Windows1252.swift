import Journal

/// Windows-1252 ("ANSI" in a French Windows), decoded by its own table:
/// ISO 8859-1 but for 0x80–0x9F, which hold `€`, `œ`, `Œ`, typographic quotes,
/// dashes and a few more; five of those bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
/// are not characters and are refused.
enum Windows1252 {
  /// The characters of 0x80–0x9F (nil: undefined); every other byte is the code point of its value.
  static let high: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]

  /// The UTF-8 encoding of each of the 256 bytes (empty: undefined).
  static let table: [[UInt8]] = (0..<256).map { byte -> [UInt8] in
    let scalar: Unicode.Scalar?
    if byte >= 0x80 && byte <= 0x9F { scalar = high[byte - 0x80] } else { scalar = Unicode.Scalar(UInt8(byte)) }
    guard let scalar else { return [] }
    return Array(String(Character(scalar)).utf8)
  }

  /// `bytes` (Windows-1252) as UTF-8; `start` and `lineBreaks` say where they are
  /// in the file (its offset, the line breaks before it), for the error.
  /// - Throws: ``ServiceError`` naming the offset of an undefined byte.
  static func utf8(of bytes: [UInt8], offset start: Int, lineBreaks: Int) throws(ServiceError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    let table = Self.table
    for (offset, byte) in bytes.enumerated() {
      if byte < 0x80 {
        out.append(byte)
        continue
      }
      let encoded = table[Int(byte)]
      if encoded.isEmpty {
        throw ServiceError(
          .badInput,
          "Byte \(TextEncoding.hex(byte)) at byte offset \(start + offset) is not a Windows-1252 character; expected a Windows-1252 text file (or UTF-8, without --encoding).",
          at: .init(line: lineBreaks + Newlines.count(in: bytes, 0..<offset) + 1))
      }
      out += encoded
    }
    return out
  }
}
