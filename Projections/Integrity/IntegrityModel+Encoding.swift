import Journal

/// The integrity model as bytes, so that a service can save it at a journal
/// position and fold only the events after it (little-endian, length-prefixed
/// strings; see ``Journal/ByteWriter``). The service frames and checks the
/// file; a payload that does not decode whole is refused (nil).
extension IntegrityModel {
  /// The model as bytes: position, kinds by seq, facts, amendments.
  public func encoded() -> [UInt8] {
    var w = ByteWriter()
    w.u64(lastSeq)
    w.raw(lastHash.bytes)
    w.u64(UInt64(kinds.count))
    w.raw(kinds)
    w.u64(UInt64(facts.count))
    for (seq, f) in facts.entries {
      w.u64(seq)
      w.u8(f.kind.rawValue)
      w.i32(f.day)
      w.string(f.id)
      w.u32(UInt32(f.members.count))
      for m in f.members { w.string(m) }
    }
    w.u64(UInt64(history.amendedBy.count))
    for (target, by) in history.amendedBy.sorted(by: { $0.key < $1.key }) {
      w.u64(target)
      w.u64(by)
    }
    return w.bytes
  }

  /// The model `payload` holds, or nil if it is not one, whole.
  public init?(decoding payload: ArraySlice<UInt8>) {
    var r = ByteReader(payload)
    var m = IntegrityModel()
    guard let seq = r.u64(), let hash = r.raw(32), let h = ChainHash(digest: hash), let count = r.u64(), count == seq,
      let kinds = r.raw(Int(count))
    else { return nil }
    m.lastSeq = seq
    m.lastHash = h
    m.kinds = kinds
    guard let factCount = r.u64() else { return nil }
    var previous: UInt64 = 0
    m.reserve(Int(count))
    for _ in 0..<factCount {
      guard let s = r.u64(), let k = r.u8(), let kind = IntegrityFact.Kind(rawValue: k), let day = r.i32(), let id = r.string(),
        let n = r.u32()
      else { return nil }
      var members: [String] = []
      for _ in 0..<n {
        guard let member = r.string() else { return nil }
        members.append(member)
      }
      // Seqs come in ascending order, each once: filed without looking for an earlier fact.
      guard s > previous, s <= seq else { return nil }
      previous = s
      m.insertFresh(IntegrityFact(kind: kind, id: id, day: day, members: members), at: s)
    }
    guard let amendedCount = r.u64() else { return nil }
    for _ in 0..<amendedCount {
      guard let target = r.u64(), let by = r.u64(), target < by, by <= seq else { return nil }
      m.history.amendedBy[target] = by
    }
    guard r.atEnd else { return nil }
    self = m
  }
}
