/// A UUID as 16 bytes (two words), for compact id indexes.
struct UUIDKey: Hashable, Comparable, Sendable {
  var hi: UInt64
  var lo: UInt64

  init(hi: UInt64, lo: UInt64) {
    self.hi = hi
    self.lo = lo
  }

  init(bytes b: [UInt8]) {
    var h: UInt64 = 0
    var l: UInt64 = 0
    for i in 0..<8 { h = h << 8 | UInt64(b[i]) }
    for i in 8..<16 { l = l << 8 | UInt64(b[i]) }
    hi = h
    lo = l
  }

  /// Parses `8-4-4-4-12` hex (either case).
  init?(_ text: some StringProtocol) {
    var s = String(text)
    guard let key = s.withUTF8({ UUIDKey.parse($0) }) else { return nil }
    self = key
  }

  init?(utf8 u: ArraySlice<UInt8>) {
    guard let key = u.withUnsafeBufferPointer({ UUIDKey.parse($0) }) else { return nil }
    self = key
  }

  /// No allocation: this runs for every id of every batch.
  static func parse(_ u: UnsafeBufferPointer<UInt8>) -> UUIDKey? {
    guard u.count == 36 else { return nil }
    var hi: UInt64 = 0
    var lo: UInt64 = 0
    var n = 0
    for i in 0..<36 {
      let c = u[i]
      if i == 8 || i == 13 || i == 18 || i == 23 {
        guard c == 45 else { return nil }
        continue
      }
      let v: UInt8
      switch c {
      case 48...57: v = c - 48
      case 97...102: v = c - 87
      case 65...70: v = c - 55
      default: return nil
      }
      if n < 16 { hi = hi << 4 | UInt64(v) } else { lo = lo << 4 | UInt64(v) }
      n += 1
    }
    return UUIDKey(hi: hi, lo: lo)
  }

  var text: String {
    String(unsafeUninitializedCapacity: 36) { out in
      let hex: StaticString = "0123456789abcdef"
      let digits = hex.utf8Start
      var n = 0
      for i in 0..<32 {
        if i == 8 || i == 12 || i == 16 || i == 20 {
          out[n] = 45
          n += 1
        }
        let word = i < 16 ? hi : lo
        out[n] = digits[Int((word >> UInt64(60 - 4 * (i % 16))) & 15)]
        n += 1
      }
      return n
    }
  }

  static func < (a: UUIDKey, b: UUIDKey) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }
}
