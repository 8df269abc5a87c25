/// The character encoding of a text file to import (`--encoding`).
///
/// A file is read as UTF-8 unless `windows-1252` is said explicitly: a
/// spreadsheet saved as "CSV" by an older Excel in French writes Windows-1252,
/// and guessing could silently turn `é` into `Ã©`.
///
/// ```swift
/// let utf8 = try TextEncoding.windows1252.decode([0x63, 0x61, 0x66, 0xE9])  // the bytes of "café"
/// ```
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"

  /// The UTF-8 bytes of `bytes` read in this encoding, a leading UTF-8
  /// byte-order mark removed (a BOM says UTF-8 whatever was asked).
  ///
  /// - Throws: ``ServiceError`` `.badInput` naming the byte offset of the first
  ///   byte that is not valid in the encoding.
  public func decode(_ bytes: [UInt8]) throws(ServiceError) -> [UInt8] {
    var decoder = TextDecoder(self)
    return try decoder.decode(bytes, final: true)
  }

  /// `0xE9`.
  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
  }
}
