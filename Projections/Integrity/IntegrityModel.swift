import Domain
import Journal

/// The effective history reduced to what the integrity rules of EVENTS.md §3
/// need: every event's kind, and the keyed facts (memberships, boards,
/// campaigns, pledges, contracts, reports) as corrections and retractions
/// leave them — interpreted by the same ``CorrectionFold`` as the bilan.
///
/// Folding is cheap and unchecked (``apply(_:hash:lookup:undo:)``); checking
/// is done only for the keys new events touch (``check(keys:)``), so an
/// append costs what it changes, not a replay of the journal. A pure fold:
/// the events a correction refers to come from `lookup`.
///
/// ```swift
/// var model = IntegrityModel()
/// var undo: IntegrityModel.Undo? = model.beginUndo()
/// let touched = try model.apply(pending, hash: .zero, lookup: lookup, undo: &undo)
/// try model.check(keys: touched)   // throws IntegrityViolation
/// ```
public struct IntegrityModel: Sendable, Equatable {
  /// The kind of each event, by seq − 1 (``Domain/EventKind`` codes; `unknown` for types outside the catalog).
  var kinds: [UInt8] = []
  static let unknown: UInt8 = .max
  /// Effective keyed facts by seq.
  var facts = SeqTable<IntegrityFact>()
  /// Key → seqs of the effective facts filed under it, ascending.
  var byKey: [IntegrityKey: [UInt64]] = [:]
  /// Which events were amended, and by which event (the correction rules' state).
  var history = CorrectionFold()

  /// The seq of the latest correction or retraction of `seq`, if any.
  public func amendment(of seq: UInt64) -> UInt64? { history.amendedBy[seq] }
  /// The journal position folded so far.
  public internal(set) var lastSeq: UInt64 = 0
  public internal(set) var lastHash: ChainHash = .zero

  public init() {}

  /// The kind of the event at `seq`, or nil if there is none (or it is not of the catalog).
  public func kind(ofSeq seq: UInt64) -> EventKind? {
    guard seq >= 1, seq <= UInt64(kinds.count) else { return nil }
    return EventKind(code: kinds[Int(seq - 1)])
  }

  /// What it takes to undo tentative changes (an append that is then refused or fails).
  public struct Undo: Sendable {
    var kindCount: Int
    var lastSeq: UInt64
    var lastHash: ChainHash
    var facts: [(UInt64, IntegrityFact?)] = []
    var amended: [(UInt64, UInt64?)] = []
  }

  /// The start of a tentative application.
  public func beginUndo() -> Undo { Undo(kindCount: kinds.count, lastSeq: lastSeq, lastHash: lastHash) }

  /// Makes room for `count` more events at once (large imports), so the tables grow once.
  public mutating func reserve(_ count: Int) {
    guard count > 1000 else { return }
    facts.reserveCapacity(kinds.count + count)
    kinds.reserveCapacity(kinds.count + count)
    byKey.reserveCapacity(byKey.count + count)
  }

  /// Reverts what was applied since `undo` began.
  public mutating func rollback(_ undo: Undo) {
    for (seq, fact) in undo.facts.reversed() { setFact(fact, at: seq) }
    for (target, by) in undo.amended.reversed() { history.amendedBy[target] = by }
    kinds.removeSubrange(undo.kindCount...)
    lastSeq = undo.lastSeq
    lastHash = undo.lastHash
  }

  /// Folds one event (the next in seq order) and returns the keys whose rules
  /// may have changed; records what to undo in `undo` when given.
  ///
  /// - Parameters:
  ///   - event: a record of the journal or an event of the batch being checked.
  ///   - hash: its chain hash (`.zero` for a batch not yet encoded).
  ///   - lookup: an earlier event by seq, asked only for corrections of keyed events.
  /// - Throws: what `lookup` throws.
  @discardableResult
  public mutating func apply(
    _ event: some StoredEvent, hash: ChainHash, lookup: (UInt64) throws -> any StoredEvent, undo: inout Undo?
  ) rethrows -> [IntegrityKey] {
    let entry = EventKind.entry(event.type)
    kinds.append(entry?.code ?? Self.unknown)
    lastSeq = event.seq
    lastHash = hash
    guard let entry else { return [] }
    if entry.kind.isCorrection {
      // Only corrections of events some rule looks at are followed (no lookup for the others).
      guard let target = Amendment(kind: entry.kind, data: JSONObjectView(event.dataBytes))?.target, target < event.seq,
        let targetKind = self.kind(ofSeq: target), !targetKind.isCorrection
      else { return [] }
      undo?.amended.append((target, history.amendedBy[target]))
      guard IntegrityFact.isKeyed(targetKind) else {
        // No rule looks at the target: only which event amends it is kept (no lookup).
        history.amendedBy[target] = event.seq
        return []
      }
    } else if !IntegrityFact.isKeyed(entry.kind) {
      return []
    }
    var touched: [IntegrityKey] = []
    for change in try history.apply(event, entry: entry, lookup: lookup) {
      switch change {
      case .removed(let e): touched += setFact(nil, at: e.seq, undo: &undo)
      case .added(let e): touched += setFact(IntegrityFact.of(e), at: e.seq, undo: &undo)
      }
    }
    return touched
  }

  /// Sets the fact at `seq`, recording the old one in `undo`; returns the keys of both.
  mutating func setFact(_ fact: IntegrityFact?, at seq: UInt64, undo: inout Undo?) -> [IntegrityKey] {
    let old = facts[seq]
    undo?.facts.append((seq, old))
    guard let old else {
      // A new event (the common case): nothing to unfile.
      guard let fact else { return [] }
      insertFresh(fact, at: seq)
      return fact.keys
    }
    let keys = old.keys + (fact?.keys ?? [])
    setFact(fact, at: seq)
    return keys
  }

  mutating func setFact(_ fact: IntegrityFact?, at seq: UInt64) {
    if let old = facts.removeValue(forKey: seq) {
      for k in old.keys {
        byKey[k]?.removeAll { $0 == seq }
        if byKey[k]?.isEmpty == true { byKey[k] = nil }
      }
    }
    guard let fact else { return }
    facts[seq] = fact
    for k in fact.keys { file(seq, under: k) }
  }

  /// Files `fact` at a seq that has none yet (a checkpoint being read).
  mutating func insertFresh(_ fact: IntegrityFact, at seq: UInt64) {
    facts[seq] = fact
    for k in fact.keys { file(seq, under: k) }
  }

  /// Files `seq` under `key`, keeping the list ascending (new seqs come last).
  mutating func file(_ seq: UInt64, under key: IntegrityKey) {
    IntegrityModel.insert(seq, into: &byKey[key, default: []])
  }

  static func insert(_ seq: UInt64, into seqs: inout [UInt64]) {
    if let last = seqs.last, last > seq {
      let at = seqs.firstIndex { $0 >= seq }!
      if seqs[at] != seq { seqs.insert(seq, at: at) }
    } else if seqs.last != seq {
      seqs.append(seq)
    }
  }

  public static func == (a: IntegrityModel, b: IntegrityModel) -> Bool {
    a.kinds == b.kinds && a.facts == b.facts && a.byKey == b.byKey && a.history == b.history && a.lastSeq == b.lastSeq
      && a.lastHash == b.lastHash
  }
}

extension IntegrityModel {
  /// Whether some integrity rule looks at events of `kind` (corrections aside).
  public static func looksAt(_ kind: EventKind) -> Bool { IntegrityFact.isKeyed(kind) }
}
