/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of the
/// journal's own records (segment headers, commit trailers, the HEAD file,
/// side indexes). Slicing-by-8, pure Swift.
///
/// Check value: `CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283`.
public enum CRC32C {
  /// The 8 slicing tables end to end: table k is entries 256k…256k+255.
  static let table: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
      t[i] = c
    }
    for k in 1..<8 {
      for i in 0..<256 { t[256 * k + i] = (t[256 * (k - 1) + i] >> 8) ^ t[Int(t[256 * (k - 1) + i] & 0xFF)] }
    }
    return t
  }()

  public static func checksum(_ bytes: some Collection<UInt8>, seed: UInt32 = 0) -> UInt32 {
    if let r = bytes.withContiguousStorageIfAvailable({ update(seed, $0) }) { return r }
    let copy = Array(bytes)
    return copy.withUnsafeBufferPointer { update(seed, $0) }
  }

  static func update(_ seed: UInt32, _ buf: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc = ~seed
    guard let base = buf.baseAddress else { return seed }
    let n = buf.count
    var i = 0
    table.withUnsafeBufferPointer { tb in
      let t = tb.baseAddress!
      while n - i >= 8 {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let lo = crc ^ UInt32(truncatingIfNeeded: word)
        let hi = UInt32(truncatingIfNeeded: word >> 32)
        crc =
          t[1792 + Int(lo & 0xFF)] ^ t[1536 + Int((lo >> 8) & 0xFF)] ^ t[1280 + Int((lo >> 16) & 0xFF)]
          ^ t[1024 + Int(lo >> 24)] ^ t[768 + Int(hi & 0xFF)] ^ t[512 + Int((hi >> 8) & 0xFF)]
          ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        i += 8
      }
      while i < n {
        crc = (crc >> 8) ^ t[Int((crc ^ UInt32(base[i])) & 0xFF)]
        i += 1
      }
    }
    return ~crc
  }
}
