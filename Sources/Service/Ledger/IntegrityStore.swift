import Domain
import Journal
import Projections

/// The integrity index of one journal (`cache/integrity.base` and
/// `cache/integrity.log`, tag `ESSINTG3`): the keyed facts and the
/// amendments the integrity rules read, stamped with the seq and hash they
/// cover, so that an append reads only the members, campaigns and contracts
/// it touches.
///
/// Never trusted blindly: the index is used only when the journal's event at
/// its stamp has the stamp's hash (then the hash chain vouches for every
/// event before it); the events after the stamp are folded from the journal;
/// an index that is missing, of another history or damaged is rebuilt by
/// folding the whole journal. Only a writer holding the journal's lock
/// writes it (``take(at:hash:persist:)`` with `persist`, and
/// ``didCommit(_:from:)``); readers fold what it lacks in memory.
final class IntegrityStore {
  static let name = "integrity"
  static let tag = "ESSINTG3"
  let reader: Reader
  let index: KeyedCache
  /// The model as of the last append, over the index (nil until needed).
  var model: IntegrityModel?
  /// Whether the model holds the whole history (the index could not be
  /// written): then it reads nothing from the index.
  var whole = false

  init(journal path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    reader = try Reader(at: path)
    index = try KeyedCache(journal: path, name: Self.name, tag: Self.tag, io: io)
  }

  /// The index as the model reads it; a value that cannot be read is ``IntegrityModel/IndexDamaged``.
  var base: IntegrityModel.Base {
    if whole { return IntegrityModel.noBase }
    return { [index] key in
      do {
        return try index.value(key)
      } catch {
        throw IntegrityModel.IndexDamaged()
      }
    }
  }

  /// The model at `head` (whose event has `hash`), over the index brought up
  /// to it, taken out of the store (so that changing it copies nothing);
  /// give it back with ``keep(_:)``. With `persist` (under the writer's
  /// lock), what it folded or rebuilt is written to the index.
  func take(at head: UInt64, hash: ChainHash, persist: Bool = true) throws(ServiceError) -> IntegrityModel {
    let target = KeyedCache.Stamp(seq: head, hash: hash)
    defer { model = nil }
    if let m = model, m.lastSeq == head, m.lastHash == hash, whole || index.stamp == target { return m }
    whole = false
    do {
      if index.stamp == target { return IntegrityModel(at: head, hash: hash) }
      if let s = index.open(), s.seq <= head, try chainHolds(s) {
        if s == target { return IntegrityModel(at: head, hash: hash) }
        var m = IntegrityModel(at: s.seq, hash: s.hash)
        try fold(into: &m, from: s.seq + 1, to: head, base: base)
        if m.lastHash == hash {
          if persist { try? index.append(m.indexChanges(), from: s.seq + 1, to: target) }
          return m
        }
      }
      return try rebuild(head: head, hash: hash, persist: persist)
    } catch is IntegrityModel.IndexDamaged {
      do {
        return try rebuild(head: head, hash: hash, persist: persist)
      } catch {
        throw ServiceError.wrap(error)
      }
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// Forgets the index (one of its values was damaged): the next use rebuilds it.
  func discardIndex() {
    model = nil
    whole = false
    index.discard()
  }

  /// Keeps `model` for the next append.
  func keep(_ model: IntegrityModel) { self.model = model }

  /// After a commit (under the writer's lock): appends what the kept model
  /// changed for the events `from…` to the index. Best effort: an index
  /// left behind is caught up or rebuilt by the next writer.
  func didCommit(from: UInt64) {
    guard var m = model else { return }
    let changes = m.indexChanges()
    let stamp = KeyedCache.Stamp(seq: m.lastSeq, hash: m.lastHash)
    // A large commit (an import) leaves its keys in the index only: the next use reads what it needs.
    let large = changes.count > 256 || m.loadedFacts > 100_000
    if large && !whole { model = nil } else { model = m }
    m = IntegrityModel()
    if !whole, index.stamp?.seq == from - 1 { try? index.append(changes, from: from, to: stamp) }
  }

  /// After a commit that no rule looks at (under the writer's lock): moves
  /// the index's stamp past it, if the index was at the head before it.
  func didCommitUnchecked(from: UInt64, to head: KeyedCache.Stamp) {
    if index.stamp == nil { index.open() }
    guard index.stamp?.seq == from - 1 else { return }
    try? index.append([], from: from, to: head)
    if var m = model, m.lastSeq == from - 1 {
      m.lastSeq = head.seq
      m.lastHash = head.hash
      model = m
    }
  }

  /// Whether the journal's event at the stamp's seq has the stamp's hash.
  func chainHolds(_ s: KeyedCache.Stamp) throws -> Bool {
    guard s.seq > 0 else { return s.hash == .zero }
    do {
      return try reader.record(seq: s.seq).hash == s.hash
    } catch  where error.code == .notFound {
      return false
    }
  }

  /// Folds the journal's events `from…to` into `m` over `base`.
  func fold(into m: inout IntegrityModel, from: UInt64, to: UInt64, base: IntegrityModel.Base) throws {
    guard from <= to else { return }
    var kinds: [UInt8] = []
    let records = RecordLookup(reader)
    let kindOf: (UInt64) throws -> EventKind? = { seq in
      if seq >= from {
        let i = Int(seq - from)
        return i < kinds.count ? EventKind(code: kinds[i]) : nil
      }
      return EventKind.lookup(try records.record(seq).type)
    }
    var it = try reader.records(from: from, readAhead: to - from > 100_000)
    var none: IntegrityModel.Undo? = nil
    while let r = try it.next(), r.seq <= to {
      try m.apply(r, hash: r.hash, kindOf: kindOf, lookup: records.record, base: base, undo: &none)
      kinds.append(EventKind.entry(r.type)?.code ?? .max)
    }
  }

  /// Folds the whole journal up to `head` and, with `persist`, writes it as the new index.
  func rebuild(head: UInt64, hash: ChainHash, persist: Bool) throws -> IntegrityModel {
    var m = IntegrityModel()
    try fold(into: &m, from: 1, to: head, base: IntegrityModel.noBase)
    guard m.lastHash == hash else {
      throw ServiceError(.damaged, "The journal's event at seq \(head) does not have the hash its head names; run `ess verify`.")
    }
    let stamp = KeyedCache.Stamp(seq: head, hash: hash)
    guard persist, (try? index.replace(with: m.indexEntries(), stamp: stamp)) != nil else {
      // Not written (a reader, or the cache cannot be written): the whole model stays in memory.
      _ = m.indexChanges()
      whole = true
      return m
    }
    return IntegrityModel(at: head, hash: hash)
  }
}
