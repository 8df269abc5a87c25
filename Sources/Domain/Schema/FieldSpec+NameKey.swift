/// A field's name packed for comparison with bytes: the import's fast path
/// (``FieldCheck/passes(canonical:against:)``) finds a member's spec by its
/// key's bytes without going through `String`.
extension FieldSpec {
  /// The UTF-8 length of a name and its first 16 bytes, little-endian, zero-padded.
  package struct NameKey: Sendable, Equatable {
    var count: Int
    var head: UInt64
    var tail: UInt64

    /// The key of `name`.
    init(_ name: String) {
      var name = name
      self = name.withUTF8 { NameKey(bytes: $0) }
    }

    /// The key of the UTF-8 bytes `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) {
      count = bytes.count
      head = 0
      tail = 0
      for k in 0..<min(bytes.count, 16) {
        if k < 8 {
          head |= UInt64(bytes[k]) << UInt64(8 * k)
        } else {
          tail |= UInt64(bytes[k]) << UInt64(8 * (k - 8))
        }
      }
    }

    /// Whether the key of `bytes` equals this one: then `bytes` is the name, if it is at most 16 bytes long.
    var isWhole: Bool { count <= 16 }
  }
}
