import Journal

/// `ess history KEY --year Y`: how one indicator of one year evolved along
/// transaction time, and why (BILAN.md, "Indicator history").
///
/// ```swift
/// let h = try IndicatorHistory.read(journal: "journal", key: "procurement.insertion_hours", year: 2022)
/// for c in h.changes { print(c.recordedAt, c.previous, "→", c.value, "seq", c.cause.seq) }
/// ```
public struct IndicatorHistory: Sendable, Equatable {
  public var key: String
  public var year: Int
  public var changes: [Change]

  public struct Change: Sendable, Equatable {
    public var recordedAt: Timestamp
    public var value: Bilan.Value
    public var previous: Bilan.Value
    public var cause: Cause
  }

  public struct Cause: Sendable, Equatable {
    public var seq: UInt64
    public var type: String
    public var author: String
    public var source: String?
    public var reason: String?
  }

  /// Folds the whole journal once; events recorded at the same instant make at
  /// most one change, caused by the last of them (by seq) that moved the value.
  public static func read(journal path: String, key: String, year: Int) throws -> IndicatorHistory {
    var state = BilanProjection.initial
    // Only the key's own domain is recomputed after each event; the key's place
    // in its domain's list is fixed (reported figures come and go: searched).
    let domain = BilanState.domain(ofKey: key)
    let fixedPlace = key.hasPrefix("reported.") ? nil : state.figures.domainIndicators(forKey: key, year: year).firstIndex { $0.key == key }
    func value() -> Bilan.Value {
      let list = domain.map { state.figures.domainIndicators(domain: $0, year: year) } ?? []
      if let fixedPlace { return list[fixedPlace].value }
      return list.first { $0.key == key }?.value ?? .null
    }
    let empty = value()
    guard empty != .null || key.hasPrefix("reported.") || BilanReader.isIndicatorKey(key) else {
      throw JournalError(
        .invalidInput,
        "'\(key)' is not an indicator of the bilan; 'ess bilan \(year) --format csv' lists the keys (reported figures are reported.<indicator>).",
        at: .init(field: "KEY"))
    }
    var history = IndicatorHistory(key: key, year: year, changes: [])
    var groupStart = empty
    var current = empty
    var groupAt: Timestamp? = nil
    var mover: Cause? = nil
    func close() {
      if let at = groupAt, let cause = mover, current != groupStart {
        history.changes.append(Change(recordedAt: at, value: current, previous: groupStart, cause: cause))
      }
      groupStart = current
      mover = nil
    }
    let reader = try Reader(at: path)
    let lookup = RecordLookup(reader)
    // Only events of the key's domain, and corrections (which may aim at it), can move its value.
    var it = try reader.records(from: 1, readAhead: true)
    while let r = try it.next() {
      if r.recordedAt != groupAt {
        close()
        groupAt = r.recordedAt
      }
      let before = current
      try BilanProjection.apply(r, lookup: lookup.record, to: &state)
      let mayMove = BilanState.domainOf[r.type].map { $0 == domain } ?? EffectiveHistory.isCorrection(r.type)
      if mayMove { current = value() }
      if current != before { mover = Cause(seq: r.seq, type: r.type, author: r.author, source: r.source, reason: r.reason) }
    }
    close()
    return history
  }
}

extension BilanReader {
  /// Whether `key` is one of the fixed indicators of BILAN.md.
  public static func isIndicatorKey(_ key: String) -> Bool {
    BilanState().bilan(year: 2000, asKnownOn: nil, journalSeq: 0, journalHash: .zero).value(key) != nil
  }
}
