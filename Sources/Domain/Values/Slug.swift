/// The identifiers chosen by the admins (`memberId`, `contractId`,
/// `campaignId`…): `[a-z0-9][a-z0-9._-]{0,63}`, checked byte by byte (no regex).
///
/// ```swift
/// Slug.isValid("emmaus-mundo")   // true
/// Slug.isValid("Emmaus Mundo")   // false
/// ```
enum Slug {
  /// The longest identifier, in characters.
  static let maxLength = 64

  /// Whether `text` matches `[a-z0-9][a-z0-9._-]{0,63}`.
  static func isValid(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isValid(utf8: $0) }
  }

  /// Whether the UTF-8 bytes `bytes` match `[a-z0-9][a-z0-9._-]{0,63}`.
  static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard (1...maxLength).contains(bytes.count) else { return false }
    for (k, byte) in bytes.enumerated() {
      if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { continue }
      if k > 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") { continue }
      return false
    }
    return true
  }
}
