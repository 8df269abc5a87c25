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
    if let parsed = text.utf8.withContiguousStorageIfAvailable({ UUIDKey.parse($0) }) {
      guard let key = parsed else { return nil }
      self = key
      return
    }
    var s = String(text)
    guard let key = s.withUTF8({ UUIDKey.parse($0) }) else { return nil }
    self = key
  }

  init?(utf8 u: ArraySlice<UInt8>) {
    guard let key = u.withUnsafeBufferPointer({ UUIDKey.parse($0) }) else { return nil }
    self = key
  }

  /// No allocation and no branch per digit: this runs for every id of every batch.
  static func parse(_ u: UnsafeBufferPointer<UInt8>) -> UUIDKey? {
    guard u.count == 36, u[8] == 45, u[13] == 45, u[18] == 45, u[23] == 45 else { return nil }
    var hi: UInt64 = 0
    var lo: UInt64 = 0
    var bad: UInt8 = 0
    withUnsafeBytes(of: digitPlaces) { places in
      nibbles.withUnsafeBufferPointer { table in
        for k in 0..<16 {
          let v = table[Int(u[Int(places[k])])]
          bad |= v
          hi = hi << 4 | UInt64(v & 15)
        }
        for k in 16..<32 {
          let v = table[Int(u[Int(places[k])])]
          bad |= v
          lo = lo << 4 | UInt64(v & 15)
        }
      }
    }
    return bad & 0x80 == 0 ? UUIDKey(hi: hi, lo: lo) : nil
  }

  /// Each byte's value as a hex digit (either case), or 0x80 if it is none.
  static let nibbles: [UInt8] = (0..<256).map { c -> UInt8 in
    switch c {
    case 48...57: return UInt8(c - 48)
    case 97...102: return UInt8(c - 87)
    case 65...70: return UInt8(c - 55)
    default: return 0x80
    }
  }

  /// Where the 32 digits of `8-4-4-4-12` are.
  static let digitPlaces:
    (
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
    ) = (
      0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35
    )

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
