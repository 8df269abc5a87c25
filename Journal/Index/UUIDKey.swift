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
    self.init(utf8: Array(text.utf8)[...])
  }

  init?(utf8 u: ArraySlice<UInt8>) {
    guard u.count == 36 else { return nil }
    var words: [UInt64] = [0, 0]
    var n = 0
    for (i, c) in u.enumerated() {
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
      words[n / 16] = words[n / 16] << 4 | UInt64(v)
      n += 1
    }
    hi = words[0]
    lo = words[1]
  }

  var text: String {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(36)
    for i in 0..<32 {
      if i == 8 || i == 12 || i == 16 || i == 20 { out.append(45) }
      let word = i < 16 ? hi : lo
      out.append(hex[Int((word >> UInt64(60 - 4 * (i % 16))) & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func < (a: UUIDKey, b: UUIDKey) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }
}
