import Journal

/// The integrity model as a keyed index, so that a service can keep it on
/// disk and read back only the keys an append touches (little-endian,
/// length-prefixed strings; see ``Journal/ByteWriter``):
///
/// - key `0x01 ‖ subject ‖ id` (UTF-8) → the key's facts, ascending by seq,
///   each its seq (u64), kind (u8), valid day (i32), id and board members
///   (u32 count, strings);
/// - key `0x02 ‖ seq` (u64) → the seqs of the corrections and retractions of
///   that event (u64 each), ascending.
///
/// Values are plain concatenations, so a new fact or amendment is written
/// as bytes appended to its key's value. The service frames, stamps and
/// checks the index; a value that does not decode whole is refused.
extension IntegrityModel {
  /// The index key of a member, campaign or contract.
  static func indexKey(_ key: IntegrityKey) -> [UInt8] { [1, key.subject.rawValue] + Array(key.id.utf8) }

  /// The index key of an amended event.
  static func indexKey(_ target: UInt64) -> [UInt8] {
    var w = ByteWriter()
    w.u8(2)
    w.u64(target)
    return w.bytes
  }

  /// The index entries of everything the model holds (after folding a whole history).
  public func indexEntries() -> [[UInt8]: [UInt8]] {
    var out: [[UInt8]: [UInt8]] = [:]
    out.reserveCapacity(byKey.count + amendments.count)
    for (k, list) in byKey where !list.isEmpty { out[Self.indexKey(k)] = Self.encode(list[...]) }
    for (t, seqs) in amendments where !seqs.isEmpty { out[Self.indexKey(t)] = Self.encode(seqs[...]) }
    return out
  }

  /// What changed since the last call, as changes to the index (after a
  /// commit): the facts or amendments appended to a key, or its whole new value.
  package mutating func indexChanges() -> [(key: [UInt8], change: KeyedCache.Change)] {
    var out: [(key: [UInt8], change: KeyedCache.Change)] = []
    for (k, from) in changedKeys.sorted(by: { ($0.key.subject.rawValue, $0.key.id) < ($1.key.subject.rawValue, $1.key.id) }) {
      let list = byKey[k] ?? []
      if let from, from <= list.count {
        out.append((Self.indexKey(k), .append(Self.encode(list[from...]))))
      } else {
        out.append((Self.indexKey(k), .set(Self.encode(list[...]))))
      }
    }
    for (t, from) in changedTargets.sorted(by: { $0.key < $1.key }) {
      let seqs = amendments[t] ?? []
      if let from, from <= seqs.count {
        out.append((Self.indexKey(t), .append(Self.encode(seqs[from...]))))
      } else {
        out.append((Self.indexKey(t), .set(Self.encode(seqs[...]))))
      }
    }
    changedKeys = [:]
    changedTargets = [:]
    return out
  }

  static func encode(_ list: ArraySlice<Filed>) -> [UInt8] {
    var w = ByteWriter()
    for f in list {
      w.u64(f.seq)
      w.u8(f.fact.kind.rawValue)
      w.i32(f.fact.day)
      w.string(f.fact.id)
      w.u32(UInt32(f.fact.members.count))
      for m in f.fact.members { w.string(m) }
    }
    return w.bytes
  }

  static func encode(_ seqs: ArraySlice<UInt64>) -> [UInt8] {
    var w = ByteWriter()
    for s in seqs { w.u64(s) }
    return w.bytes
  }

  /// A key's facts; throws ``IndexDamaged`` when the bytes are not a whole, ascending list.
  static func decodeFacts(_ bytes: [UInt8]) throws -> [Filed] {
    var r = ByteReader(bytes[...])
    var out: [Filed] = []
    // A fact takes at least 21 bytes; those of one key mostly share their id, read once.
    out.reserveCapacity(bytes.count / 21)
    var lastID: (range: Range<Int>, text: String)? = nil
    while !r.atEnd {
      guard let s = r.u64(), let k = r.u8(), let kind = IntegrityFact.Kind(rawValue: k), let day = r.i32(),
        let id = r.string(reusing: &lastID),
        let m = r.u32(), s > (out.last?.seq ?? 0)
      else { throw IndexDamaged() }
      var members: [String] = []
      for _ in 0..<m {
        guard let member = r.string() else { throw IndexDamaged() }
        members.append(member)
      }
      out.append(Filed(seq: s, fact: IntegrityFact(kind: kind, id: id, day: day, members: members)))
    }
    return out
  }

  static func decodeSeqs(_ bytes: [UInt8]) throws -> [UInt64] {
    var r = ByteReader(bytes[...])
    guard bytes.count % 8 == 0 else { throw IndexDamaged() }
    var out: [UInt64] = []
    while !r.atEnd {
      guard let s = r.u64(), s > (out.last ?? 0) else { throw IndexDamaged() }
      out.append(s)
    }
    return out
  }

  /// An index value that does not decode: the index must be rebuilt.
  public struct IndexDamaged: Error, Sendable { public init() {} }
}
