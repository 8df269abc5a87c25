import Journal

/// The integrity model saved at a journal position, so that an append folds
/// only the events after it. File `index/integrity.ckpt`: `ESSINTG1`, then the
/// model (little-endian, length-prefixed strings), then CRC-32C of all before.
/// It is a cache: checked against the journal's hash at its seq, and ignored
/// (rebuilt by folding from the start) if anything disagrees.
extension IntegrityModel {
  static let tag = Array("ESSINTG1".utf8)

  func encoded() -> [UInt8] {
    var w = ByteWriter()
    w.u64(lastSeq)
    w.raw(lastHash.bytes)
    w.u32(UInt32(typeNames.count))
    for n in typeNames { w.string(n) }
    w.u64(UInt64(typeOf.count))
    for t in typeOf { w.u16(t) }
    w.u64(UInt64(facts.count))
    for (seq, f) in facts.entries {
      w.u64(seq)
      w.u8(f.kind.rawValue)
      w.i32(f.day)
      w.string(f.key)
      w.u32(UInt32(f.members.count))
      for m in f.members { w.string(m) }
    }
    w.u64(UInt64(originalDays.count))
    for (seq, d) in originalDays.entries {
      w.u64(seq)
      w.i32(d)
    }
    w.u64(UInt64(latestCorrection.count))
    for (target, c) in latestCorrection.sorted(by: { $0.key < $1.key }) {
      w.u64(target)
      w.u64(c)
    }
    return CacheFile.seal(w.bytes, tag: Self.tag)
  }

  init?(decoding bytes: [UInt8]) {
    guard let payload = CacheFile.unseal(bytes, tag: Self.tag) else { return nil }
    var r = ByteReader(payload)
    var m = IntegrityModel()
    guard let seq = r.u64(), let hash = r.raw(32), let typeCount = r.u32() else { return nil }
    m.lastSeq = seq
    guard let h = ChainHash(digest: hash) else { return nil }
    m.lastHash = h
    for _ in 0..<typeCount {
      guard let n = r.string() else { return nil }
      m.typeIndex[n] = UInt16(m.typeNames.count)
      m.typeNames.append(n)
    }
    guard let count = r.u64(), count == seq else { return nil }
    m.typeOf.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let t = r.u16(), Int(t) < m.typeNames.count else { return nil }
      m.typeOf.append(t)
    }
    guard let factCount = r.u64() else { return nil }
    var previousFactSeq: UInt64 = 0
    m.reserve(Int(count))
    for _ in 0..<factCount {
      guard let s = r.u64(), let k = r.u8(), let kind = IntegrityFact.Kind(rawValue: k), let day = r.i32(), let key = r.string(),
        let n = r.u32()
      else { return nil }
      var members: [String] = []
      for _ in 0..<n {
        guard let member = r.string() else { return nil }
        members.append(member)
      }
      // Seqs come in ascending order, each once: filed without looking for an earlier fact.
      guard s > previousFactSeq, s <= seq else { return nil }
      previousFactSeq = s
      m.insertFresh(IntegrityFact(kind: kind, key: key, day: day, members: members), at: s)
    }
    guard let dayCount = r.u64() else { return nil }
    for _ in 0..<dayCount {
      guard let s = r.u64(), let d = r.i32() else { return nil }
      m.originalDays[s] = d
    }
    guard let correctionCount = r.u64() else { return nil }
    for _ in 0..<correctionCount {
      guard let t = r.u64(), let c = r.u64() else { return nil }
      m.latestCorrection[t] = c
    }
    guard r.atEnd else { return nil }
    self = m
  }
}

struct ByteWriter {
  var bytes: [UInt8] = []
  mutating func u8(_ v: UInt8) { bytes.append(v) }
  mutating func u16(_ v: UInt16) { le(v) }
  mutating func u32(_ v: UInt32) { le(v) }
  mutating func u64(_ v: UInt64) { le(v) }
  mutating func i32(_ v: Int32) { le(v) }
  mutating func raw(_ b: [UInt8]) { bytes += b }
  mutating func string(_ s: String) {
    let u = Array(s.utf8)
    u32(UInt32(u.count))
    bytes += u
  }
  mutating func le<T: FixedWidthInteger>(_ v: T) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }
}

struct ByteReader {
  let bytes: ArraySlice<UInt8>
  var pos: Int
  init(_ b: ArraySlice<UInt8>) {
    bytes = b
    pos = b.startIndex
  }
  var atEnd: Bool { pos == bytes.endIndex }
  mutating func le<T: FixedWidthInteger>(_: T.Type) -> T? {
    let n = MemoryLayout<T>.size
    guard pos + n <= bytes.endIndex else { return nil }
    let offset = pos - bytes.startIndex
    let v = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    pos += n
    return v
  }
  mutating func u8() -> UInt8? { le(UInt8.self) }
  mutating func u16() -> UInt16? { le(UInt16.self) }
  mutating func u32() -> UInt32? { le(UInt32.self) }
  mutating func u64() -> UInt64? { le(UInt64.self) }
  mutating func i32() -> Int32? { le(Int32.self) }
  mutating func raw(_ n: Int) -> [UInt8]? {
    guard pos + n <= bytes.endIndex else { return nil }
    defer { pos += n }
    return Array(bytes[pos..<(pos + n)])
  }
  mutating func string() -> String? {
    guard let n = u32(), pos + Int(n) <= bytes.endIndex else { return nil }
    defer { pos += Int(n) }
    // Checked as UTF-8 byte by byte would cost a tenth of a checkpoint's
    // reading; the CRC already vouches for bytes this code wrote.
    return bytes[pos..<(pos + Int(n))].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
  }
}
