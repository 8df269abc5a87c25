/// The sorted ids of one sealed segment, and their side-file encoding:
/// `ESSIDS01`, first seq (u64), count (u64), then `count` entries of
/// (16-byte UUID, u64 seq) sorted by UUID, then CRC-32C of all before it.
struct IdTable: Sendable {
  static let tag: [UInt8] = Array("ESSIDS01".utf8)
  var keys: [UUIDKey]
  var seqs: [UInt64]

  init(keys: [UUIDKey], seqs: [UInt64]) {
    self.keys = keys
    self.seqs = seqs
  }

  /// Builds the table from a segment's JSON Lines.
  init(raw: [UInt8]) throws(JournalError) {
    var pairs: [(UUIDKey, UInt64)] = []
    try IdTable.eachID(raw) { pairs.append(($0, $1)) }
    pairs.sort { $0.0 < $1.0 }
    keys = pairs.map(\.0)
    seqs = pairs.map(\.1)
  }

  /// Decodes a side file; nil if it is not whole and consistent.
  init?(decoding b: [UInt8], firstSeq: UInt64) {
    guard b.count >= 28, Array(b[0..<8]) == IdTable.tag, b.readLE(UInt64.self, at: 8) == firstSeq,
      let count = b.readLE(UInt64.self, at: 16), count < UInt64(b.count), b.count == 24 + Int(count) * 24 + 4,
      b.readLE(UInt32.self, at: b.count - 4) == CRC32C.checksum(b[0..<(b.count - 4)])
    else { return nil }
    keys = []
    seqs = []
    keys.reserveCapacity(Int(count))
    seqs.reserveCapacity(Int(count))
    for i in 0..<Int(count) {
      let (key, seq) = IdTable.entry(b, at: 24 + i * 24)
      if let last = keys.last, !(last < key) { return nil }
      keys.append(key)
      seqs.append(seq)
    }
  }

  /// The (id, seq) entry whose 24 bytes start at `offset` of `b`.
  static func entry(_ b: [UInt8], at offset: Int) -> (key: UUIDKey, seq: UInt64) {
    let key = UUIDKey(
      hi: UInt64(bigEndian: b.readLE(UInt64.self, at: offset)!), lo: UInt64(bigEndian: b.readLE(UInt64.self, at: offset + 8)!))
    return (key, b.readLE(UInt64.self, at: offset + 16)!)
  }

  func encoded(firstSeq: UInt64) -> [UInt8] {
    IdTable.encode(sorted: zip(keys, seqs).map { (key: $0, seq: $1) }, firstSeq: firstSeq)
  }

  /// The side file of (id, seq) pairs already sorted by id.
  static func encode(sorted pairs: [(key: UUIDKey, seq: UInt64)], firstSeq: UInt64) -> [UInt8] {
    var out = IdTable.tag
    out.reserveCapacity(28 + pairs.count * 24)
    out.appendLE(firstSeq)
    out.appendLE(UInt64(pairs.count))
    for (k, s) in pairs {
      out.appendLE(k.hi.bigEndian)
      out.appendLE(k.lo.bigEndian)
      out.appendLE(s)
    }
    out.appendLE(CRC32C.checksum(out))
    return out
  }

  func find(_ key: UUIDKey) -> UInt64? {
    var lo = 0
    var hi = keys.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if keys[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo < keys.count && keys[lo] == key ? seqs[lo] : nil
  }

  func forEach(_ body: (UUIDKey, UInt64) -> Void) {
    for i in keys.indices { body(keys[i], seqs[i]) }
  }

  /// Calls `body` with the id and seq of each line (by position: the
  /// canonical line starts `{"seq":N,"id":"…"`).
  static func eachID(_ raw: [UInt8], _ body: (UUIDKey, UInt64) -> Void) throws(JournalError) {
    var start = 0
    var i = 0
    var context = RecordDecoder.Context()
    while i < raw.count {
      if raw[i] == 0x0A {
        let record = try RecordDecoder.decode(raw[start..<i], context: &context)
        guard let key = UUIDKey(utf8: record.idBytes) else {
          throw JournalError(.damaged, "The event at seq \(record.seq) has an id that is not a UUID.", at: .init(seq: record.seq))
        }
        body(key, record.seq)
        start = i + 1
      }
      i += 1
    }
  }
}
