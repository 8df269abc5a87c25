import Domain
import Journal

/// The effective history reduced to what the integrity rules of EVENTS.md §3
/// need: the keyed facts (memberships, boards, campaigns, pledges, contracts,
/// reports) as corrections and retractions leave them, and which events
/// were amended by which — interpreted by the same ``CorrectionFold`` as the
/// bilan.
///
/// The model holds only what it was asked for: the facts of a key, or the
/// amendments of an event, are read from `base` (a keyed index of the
/// history before ``lastSeq`` — see ``IntegrityModel/indexEntries()``) the
/// first time they are needed, so an append costs the keys it touches, not
/// the journal's size. With an empty base the model folds a whole history.
/// A pure fold: what it reads comes from `base`, `kindOf` and `lookup`.
///
/// ```swift
/// var model = IntegrityModel(at: 41, hash: hash41)
/// var undo: IntegrityModel.Undo? = model.beginUndo()
/// let touched = try model.apply(pending, hash: .zero, kindOf: kinds, lookup: lookup, base: index, undo: &undo)
/// try model.load(checking: touched, base: index)
/// try model.check(keys: touched)   // throws IntegrityViolation
/// ```
public struct IntegrityModel: Sendable, Equatable {
  /// A keyed index of the history the model starts from: the value stored
  /// for a key (bytes this model made), or nil for none.
  public typealias Base = ([UInt8]) throws -> [UInt8]?
  /// The base of a model that folds from the first event: nothing.
  public static var noBase: Base { { _ in nil } }

  /// One effective fact and the seq of its event.
  struct Filed: Sendable, Equatable {
    var seq: UInt64
    var fact: IntegrityFact
  }

  /// Key → its effective facts, ascending by seq (keys read or changed only).
  var byKey: [IntegrityKey: [Filed]] = [:]
  /// Amended domain event → the seqs of its corrections and retractions, ascending (events read or changed only).
  var amendments: [UInt64: [UInt64]] = [:]
  /// Which events were amended, and by which event (the correction rules' state, for the events read).
  var history = CorrectionFold()
  /// What changed since the last ``indexChanges()``: for each key or
  /// target, how many entries it had before, if it was only appended to
  /// since (else nil: it is written whole).
  var changedKeys: [IntegrityKey: Int?] = [:]
  var changedTargets: [UInt64: Int?] = [:]

  /// The journal position folded so far.
  public var lastSeq: UInt64 = 0
  public var lastHash: ChainHash = .zero

  /// An empty model (folding from the first event).
  public init() {}

  /// A model over a base that covers the history up to `seq`, whose event has `hash`.
  public init(at seq: UInt64, hash: ChainHash) {
    lastSeq = seq
    lastHash = hash
  }

  /// What it takes to undo tentative changes (an append that is then refused or fails).
  public struct Undo: Sendable {
    var lastSeq: UInt64
    var lastHash: ChainHash
    var keys: [IntegrityKey: Saved] = [:]
    var targets: [UInt64: [UInt64]?] = [:]
    var amendedBy: [UInt64: UInt64?] = [:]
  }

  /// How the facts of a key were before a tentative change: a list only appended to since
  /// keeps its length (no copy of a contract's hundreds of reports), any other its old list.
  enum Saved: Sendable {
    case list([Filed])
    case count(Int)
  }

  /// The start of a tentative application.
  public func beginUndo() -> Undo { Undo(lastSeq: lastSeq, lastHash: lastHash) }

  /// Reverts what was applied since `undo` began.
  public mutating func rollback(_ undo: Undo) {
    for (k, v) in undo.keys {
      switch v {
      case .list(let list): byKey[k] = list
      case .count(let n): byKey[k]?.removeSubrange(n...)
      }
    }
    for (t, v) in undo.targets { amendments[t] = v }
    for (t, v) in undo.amendedBy { history.amendedBy[t] = v }
    lastSeq = undo.lastSeq
    lastHash = undo.lastHash
  }

  /// Folds one event (the next in seq order) and returns the keys whose rules
  /// may have changed; records what to undo in `undo` when given.
  ///
  /// - Parameters:
  ///   - event: a record of the journal or an event of the batch being checked.
  ///   - hash: its chain hash (`.zero` for a batch not yet encoded).
  ///   - kindOf: the kind of an earlier event by seq (nil if none, or not of the catalog), asked only for corrections.
  ///   - lookup: an earlier event by seq, asked only for corrections of keyed events.
  ///   - base: the keyed index the model starts from.
  /// - Throws: what `kindOf`, `lookup` or `base` throw.
  @discardableResult
  public mutating func apply(
    _ event: some StoredEvent, hash: ChainHash, kindOf: (UInt64) throws -> EventKind?, lookup: (UInt64) throws -> any StoredEvent,
    base: Base, undo: inout Undo?
  ) throws -> [IntegrityKey] {
    lastSeq = event.seq
    lastHash = hash
    guard let entry = EventKind.entry(event.type) else { return [] }
    if entry.kind.isCorrection {
      guard let target = Amendment(kind: entry.kind, data: JSONObjectView(event.dataBytes))?.target, target < event.seq,
        let targetKind = try kindOf(target), !targetKind.isCorrection
      else { return [] }
      try load(target: target, base: base)
      if undo != nil {
        if undo!.targets[target] == nil { undo!.targets[target] = .some(amendments[target]) }
        if undo!.amendedBy[target] == nil { undo!.amendedBy[target] = .some(history.amendedBy[target]) }
      }
      let before = amendments[target]?.count ?? 0
      if changedTargets[target] == nil { changedTargets[target] = .some(before) }
      IntegrityModel.insert(event.seq, into: &amendments[target, default: []])
      if amendments[target]?.last != event.seq { changedTargets[target] = .some(nil) }
      guard IntegrityFact.isKeyed(targetKind) else {
        // No rule looks at the target: only which events amend it is kept (no lookup).
        history.amendedBy[target] = event.seq
        return []
      }
    } else if !IntegrityFact.isKeyed(entry.kind) {
      return []
    }
    var touched: [IntegrityKey] = []
    for change in try history.apply(event, entry: entry, lookup: lookup) {
      switch change {
      case .removed(let e):
        guard let fact = IntegrityFact.of(e) else { continue }
        for k in fact.keys {
          try edit(k, base: base, undo: &undo, appending: nil) { list in list.removeAll { $0.seq == e.seq } }
          touched.append(k)
        }
      case .added(let e):
        guard let fact = IntegrityFact.of(e) else { continue }
        for k in fact.keys {
          try edit(k, base: base, undo: &undo, appending: e.seq) { list in
            IntegrityModel.insert(Filed(seq: e.seq, fact: fact), into: &list)
          }
          touched.append(k)
        }
      }
    }
    return touched
  }

  /// Changes the facts of `key` (read from `base` first), noting the old ones in `undo`;
  /// `seq` is that of the fact `change` files (nil for a removal): after every fact of the
  /// key, the change only appends.
  mutating func edit(
    _ key: IntegrityKey, base: Base, undo: inout Undo?, appending seq: UInt64?, _ change: (inout [Filed]) -> Void
  ) throws {
    // The key's list is found once (hashing its id), then read and changed in place.
    var found = byKey.index(forKey: key)
    if found == nil {
      try load(key: key, base: base)
      found = byKey.index(forKey: key)
    }
    guard let place = found else { return }
    let count = byKey.values[place].count
    let appends = seq.map { (byKey.values[place].last?.seq ?? 0) < $0 } ?? false
    if undo != nil {
      switch undo!.keys[key] {
      case nil: undo!.keys[key] = appends ? .count(count) : .list(byKey.values[place])
      case .count(let n)? where !appends: undo!.keys[key] = .list(Array(byKey.values[place].prefix(n)))
      default: break
      }
    }
    if !appends {
      changedKeys[key] = .some(nil)
    } else if changedKeys[key] == nil {
      changedKeys[key] = .some(count)
    }
    change(&byKey.values[place])
  }

  /// How many facts the model holds in memory.
  public var loadedFacts: Int { byKey.values.reduce(0) { $0 + $1.count } }

  /// Reads the facts of `key` from `base` unless the model has them.
  mutating func load(key: IntegrityKey, base: Base) throws {
    guard byKey[key] == nil else { return }
    byKey[key] = try base(IntegrityModel.indexKey(key)).map(IntegrityModel.decodeFacts) ?? []
  }

  /// Reads the amendments of `target` from `base` unless the model has them.
  mutating func load(target: UInt64, base: Base) throws {
    guard amendments[target] == nil else { return }
    let seqs = try base(IntegrityModel.indexKey(target)).map(IntegrityModel.decodeSeqs) ?? []
    amendments[target] = seqs
    if let last = seqs.last { history.amendedBy[target] = last }
  }

  /// Reads what checking `keys` needs: their facts, and those of every member of a board filed under them.
  public mutating func load(checking keys: some Sequence<IntegrityKey>, base: Base) throws {
    for key in keys {
      try load(key: key, base: base)
      for filed in byKey[key] ?? [] where filed.fact.kind == .boardElected {
        for m in filed.fact.members { try load(key: IntegrityKey(.member, m), base: base) }
      }
    }
  }

  /// The seqs of the corrections and retractions of `seq`, ascending (read from `base` if needed).
  public mutating func amendments(of seq: UInt64, base: Base) throws -> [UInt64] {
    try load(target: seq, base: base)
    return amendments[seq] ?? []
  }

  /// Inserts `seq` in an ascending list, once.
  static func insert(_ seq: UInt64, into seqs: inout [UInt64]) {
    if let last = seqs.last, last > seq {
      let at = seqs.firstIndex { $0 >= seq }!
      if seqs[at] != seq { seqs.insert(seq, at: at) }
    } else if seqs.last != seq {
      seqs.append(seq)
    }
  }

  /// Inserts a fact in a list ascending by seq, replacing one at the same seq.
  static func insert(_ filed: Filed, into list: inout [Filed]) {
    if let last = list.last, last.seq >= filed.seq {
      let at = list.firstIndex { $0.seq >= filed.seq }!
      if list[at].seq == filed.seq { list[at] = filed } else { list.insert(filed, at: at) }
    } else {
      list.append(filed)
    }
  }

  public static func == (a: IntegrityModel, b: IntegrityModel) -> Bool {
    a.byKey.filter { !$0.value.isEmpty } == b.byKey.filter { !$0.value.isEmpty }
      && a.amendments.filter { !$0.value.isEmpty } == b.amendments.filter { !$0.value.isEmpty } && a.lastSeq == b.lastSeq
      && a.lastHash == b.lastHash
  }
}

extension IntegrityModel {
  /// Whether some integrity rule looks at events of `kind` (corrections aside).
  public static func looksAt(_ kind: EventKind) -> Bool { IntegrityFact.isKeyed(kind) }
}
