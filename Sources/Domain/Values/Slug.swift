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
    var count = 0
    for byte in text.utf8 {
      count += 1
      if count > maxLength { return false }
      if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { continue }
      if count > 1, byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") { continue }
      return false
    }
    return count > 0
  }
}
