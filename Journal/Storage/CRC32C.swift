/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of the
/// journal's own records (segment headers, commit trailers, the HEAD file,
/// side indexes). Slicing-by-8, pure Swift.
///
/// Check value: `CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283`.
public enum CRC32C {
  static let tables: [[UInt32]] = {
    var t = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
      t[0][i] = c
    }
    for i in 0..<256 {
      for k in 1..<8 { t[k][i] = (t[k - 1][i] >> 8) ^ t[0][Int(t[k - 1][i] & 0xFF)] }
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
    var i = 0
    let n = buf.count
    tables.withUnsafeBufferPointer { t in
      let t0 = t[0]
      let t1 = t[1]
      let t2 = t[2]
      let t3 = t[3]
      let t4 = t[4]
      let t5 = t[5]
      let t6 = t[6]
      let t7 = t[7]
      while n - i >= 8 {
        let lo = crc ^ (UInt32(buf[i]) | UInt32(buf[i + 1]) << 8 | UInt32(buf[i + 2]) << 16 | UInt32(buf[i + 3]) << 24)
        let hi = UInt32(buf[i + 4]) | UInt32(buf[i + 5]) << 8 | UInt32(buf[i + 6]) << 16 | UInt32(buf[i + 7]) << 24
        crc =
          t7[Int(lo & 0xFF)] ^ t6[Int((lo >> 8) & 0xFF)] ^ t5[Int((lo >> 16) & 0xFF)] ^ t4[Int(lo >> 24)]
          ^ t3[Int(hi & 0xFF)] ^ t2[Int((hi >> 8) & 0xFF)] ^ t1[Int((hi >> 16) & 0xFF)] ^ t0[Int(hi >> 24)]
        i += 8
      }
      while i < n {
        crc = (crc >> 8) ^ t0[Int((crc ^ UInt32(buf[i])) & 0xFF)]
        i += 1
      }
    }
    return ~crc
  }
}
