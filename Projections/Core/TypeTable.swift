#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Values by event type name, looked up for every event folded: open
/// addressing over a cheap hash of the name's bytes, the names laid end to
/// end in one array (a `Dictionary` keyed by `String` hashes with SipHash,
/// several times the cost on this path).
struct TypeTable<Value: Sendable>: Sendable {
  private var names: [UInt8] = []
  /// Per slot: where its name starts in `names` and its length (-1: empty).
  private var starts: [Int]
  private var lengths: [Int]
  private var values: [Value?]

  init(_ pairs: [(String, Value)]) {
    var size = 16
    while size < pairs.count * 4 { size *= 2 }
    starts = Array(repeating: 0, count: size)
    lengths = Array(repeating: -1, count: size)
    values = Array(repeating: nil, count: size)
    for (name, value) in pairs where self[name] == nil {
      let bytes = Array(name.utf8)
      var k = TypeTable.hash(bytes) & (size - 1)
      while lengths[k] >= 0 { k = (k + 1) & (size - 1) }
      starts[k] = names.count
      lengths[k] = bytes.count
      values[k] = value
      names += bytes
    }
  }

  subscript(_ name: String) -> Value? {
    if let found = name.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found }
    return Array(name.utf8).withUnsafeBufferPointer { find($0) }
  }

  private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
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

  static func hash(_ bytes: some Sequence<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for c in bytes { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }
}
