/// The commonest rules decided straight from a value's canonical bytes (the
/// import's fast path, ``FieldCheck/passes(canonical:against:)``): whole
/// numbers written as plain digits, and slugs.
extension FieldKind {
  /// Whether the value written canonically as `bytes` passes this kind's rule,
  /// as ``check(_:field:)`` decides it; nil when these bytes alone do not tell
  /// (any other kind, a sign, a fraction, more than 18 digits, an escape): the
  /// caller then reads the value and calls ``check(_:field:)``.
  func passes(canonical bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    switch self {
    case .count, .positiveCount, .seq, .year:
      // Canonical digits: no sign, no leading zero but "0" alone.
      guard (1...18).contains(bytes.count), bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
      var value: Int64 = 0
      for byte in bytes {
        guard byte &- UInt8(ascii: "0") < 10 else { return nil }
        value = value * 10 + Int64(byte &- UInt8(ascii: "0"))
      }
      switch self {
      case .count: return true
      case .positiveCount, .seq: return value >= 1
      default: return (1900...2100).contains(value)
      }
    case .slug:
      guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\""), bytes[bytes.count - 1] == UInt8(ascii: "\"") else { return nil }
      let inner = UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)])
      // A slug needs no escape: an escaped text is read and checked the usual way.
      if inner.contains(UInt8(ascii: "\\")) { return nil }
      return Slug.isValid(utf8: inner)
    default:
      return nil
    }
  }
}
