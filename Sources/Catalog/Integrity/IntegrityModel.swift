import Journal

/// The effective history reduced to what the integrity rules need: every
/// event's type, and the keyed facts (memberships, boards, campaigns, pledges,
/// contracts, reports) as corrections and retractions leave them.
///
/// Folding is cheap and unchecked (``apply(_:)``); checking is done only for
/// the keys a new event touches (``check(keys:)``), so an append costs what
/// it changes, not a replay of the journal.
struct IntegrityModel: Sendable, Equatable {
  static var correctionTypes: Set<String> { EventCatalog.correctionTypes }

  /// Type of each event, by seq − 1, as an index into `typeNames`.
  var typeOf: [UInt16] = []
  var typeNames: [String] = []
  var typeIndex: [String: UInt16] = [:]
  /// Effective keyed facts by seq.
  var facts = SeqTable<IntegrityFact>()
  /// The valid day each keyed event was appended with (for corrections without `occurredOn`).
  var originalDays = SeqTable<Int32>()
  /// Index key ("m:id", "c:id", "k:id") → seqs of effective facts filed under it, ascending.
  var byKey: [String: [UInt64]] = [:]
  /// The journal position folded so far.
  var lastSeq: UInt64 = 0
  var lastHash: ChainHash = .zero

  func type(ofSeq seq: UInt64) -> String? {
    guard seq >= 1, seq <= UInt64(typeOf.count) else { return nil }
    return typeNames[Int(typeOf[Int(seq - 1)])]
  }

  mutating func recordType(_ type: String) {
    if let i = typeIndex[type] {
      typeOf.append(i)
    } else {
      let i = UInt16(typeNames.count)
      typeNames.append(type)
      typeIndex[type] = i
      typeOf.append(i)
    }
  }

  /// The latest correction (by seq) of each corrected event.
  var latestCorrection: [UInt64: UInt64] = [:]

  /// What it takes to undo tentative changes.
  struct Undo {
    var typeCount: Int
    var lastSeq: UInt64
    var lastHash: ChainHash
    var facts: [(UInt64, IntegrityFact?)] = []
    var days: [(UInt64, Int32?)] = []
    var corrections: [(UInt64, UInt64?)] = []
  }

  func beginUndo() -> Undo { Undo(typeCount: typeOf.count, lastSeq: lastSeq, lastHash: lastHash) }

  /// Makes room for `count` more events at once (large imports), so the tables grow once.
  mutating func reserve(_ count: Int) {
    guard count > 1000 else { return }
    facts.reserveCapacity(typeOf.count + count)
    originalDays.reserveCapacity(typeOf.count + count)
    typeOf.reserveCapacity(typeOf.count + count)
    byKey.reserveCapacity(byKey.count + count)
  }

  mutating func rollback(_ undo: Undo) {
    for (seq, fact) in undo.facts.reversed() { setFact(fact, at: seq) }
    for (seq, day) in undo.days.reversed() { originalDays[seq] = day }
    for (seq, c) in undo.corrections.reversed() { latestCorrection[seq] = c }
    typeOf.removeSubrange(undo.typeCount...)
    lastSeq = undo.lastSeq
    lastHash = undo.lastHash
  }

  @discardableResult
  mutating func setFact(_ fact: IntegrityFact?, at seq: UInt64, undo: inout Undo?) -> [String] {
    undo?.facts.append((seq, facts[seq]))
    let keys = (facts[seq]?.indexKeys ?? []) + (fact?.indexKeys ?? [])
    setFact(fact, at: seq)
    return keys
  }

  /// Files `fact` at a seq that has none yet (a checkpoint being read).
  mutating func insertFresh(_ fact: IntegrityFact, at seq: UInt64) {
    facts[seq] = fact
    for k in fact.indexKeys { file(seq, under: k) }
  }

  mutating func setFact(_ fact: IntegrityFact?, at seq: UInt64) {
    if let old = facts.removeValue(forKey: seq) {
      for k in old.indexKeys {
        byKey[k]?.removeAll { $0 == seq }
        if byKey[k]?.isEmpty == true { byKey[k] = nil }
      }
    }
    guard let fact else { return }
    facts[seq] = fact
    for k in fact.indexKeys { file(seq, under: k) }
  }

  /// Files `seq` under index key `k`, keeping the list ascending (new seqs come last).
  mutating func file(_ seq: UInt64, under k: String) {
    IntegrityModel.insert(seq, into: &byKey[k, default: []])
  }

  static func insert(_ seq: UInt64, into seqs: inout [UInt64]) {
    if let last = seqs.last, last > seq {
      let at = seqs.firstIndex { $0 >= seq }!
      if seqs[at] != seq { seqs.insert(seq, at: at) }
    } else if seqs.last != seq {
      seqs.append(seq)
    }
  }

  /// Folds one event: `day` is its valid day (nil for corrections), `data` its
  /// canonical data. Returns the index keys whose rules may have changed;
  /// records what to undo in `undo` when given.
  @discardableResult
  mutating func apply(
    seq: UInt64, hash: ChainHash, type: String, day: Int32?, data: JSONValue, undo: inout Undo?
  ) -> [String] {
    recordType(type)
    lastSeq = seq
    lastHash = hash
    switch type {
    case "event.corrected":
      guard let target = data["target"]?.numberValue?.int64Value.map(UInt64.init), let targetType = self.type(ofSeq: target)
      else { return [] }
      undo?.corrections.append((target, latestCorrection[target]))
      latestCorrection[target] = seq
      guard let original = originalDays[target] else { return [] }
      let newDay =
        (data["occurredOn"]?.stringValue).flatMap(ParisTime.validDate(of:)).map { Int32($0.daysSince1970) } ?? original
      return setFact(IntegrityFact.of(type: targetType, data: data["data"] ?? .null, day: newDay), at: target, undo: &undo)
    case "event.retracted":
      guard let target = data["target"]?.numberValue?.int64Value.map(UInt64.init) else { return [] }
      undo?.corrections.append((target, latestCorrection[target]))
      latestCorrection[target] = seq
      return setFact(nil, at: target, undo: &undo)
    default:
      guard let day, let fact = IntegrityFact.of(type: type, data: data, day: day) else { return [] }
      // A new seq has no earlier fact or day: nothing to look up, only to insert.
      undo?.days.append((seq, nil))
      undo?.facts.append((seq, nil))
      originalDays[seq] = day
      facts[seq] = fact
      let keys = fact.indexKeys
      for k in keys { file(seq, under: k) }
      return keys
    }
  }
}
