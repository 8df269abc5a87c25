import Glibc

/// Small integers by event type name (a domain's number, a schema version), looked up for every event folded:
///
/// ```swift
/// let domain = TypeTable([("books.donation-counted", 4), ("pole.member-joined", 0)])
/// domain[record.type]   // 4, 0 or nil
/// ```
///
/// Open
/// addressing over a cheap hash of the name's bytes, the names laid end to
/// end in one array (a `Dictionary` keyed by `String` hashes with SipHash,
/// several times the cost on this path).
package struct TypeTable: Sendable {
  private var names: [UInt8] = []
  /// Per slot: where its name starts in `names` and its length (-1: empty).
  private var starts: [Int]
  private var lengths: [Int]
  private var values: [Int?]

  package init(_ pairs: [(String, Int)]) {
    var size = 16
    while size < pairs.count * 4 { size *= 2 }
    starts = Array(repeating: 0, count: size)
    lengths = Array(repeating: -1, count: size)
    values = Array(repeating: nil, count: size)
    for (name, value) in pairs where self[name] == nil {
      let bytes = Array(name.utf8)
      var k = bytes.withUnsafeBufferPointer { TypeTable.hash($0) } & (size - 1)
      while lengths[k] >= 0 { k = (k + 1) & (size - 1) }
      starts[k] = names.count
      lengths[k] = bytes.count
      values[k] = value
      names += bytes
    }
  }

  package subscript(_ name: String) -> Int? {
    if let found = name.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found }
    return Array(name.utf8).withUnsafeBufferPointer { find($0) }
  }

  private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, !names.isEmpty else { return nil }
    let mask = lengths.count - 1
    var k = TypeTable.hash(bytes) & mask
    return names.withUnsafeBufferPointer { all in
      while lengths[k] >= 0 {
        if lengths[k] == bytes.count, memcmp(all.baseAddress! + starts[k], bytes.baseAddress!, bytes.count) == 0 {
          return values[k]
        }
        k = (k + 1) & mask
      }
      return nil
    }
  }

  /// A hash of a short name from its length and its first and last eight
  /// bytes (names of one domain share a prefix, rarely both ends).
  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = b.count
    guard n >= 8, let base = b.baseAddress else {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
      return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
    let first = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
    let last = UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self)
    var h = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: h ^ (h >> 32))
  }
}
