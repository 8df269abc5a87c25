import Domain
import Journal

/// The fold behind ``IndicatorHistory``: the bilan's fold, plus the value of
/// one indicator after each event. Events recorded at the same instant (one
/// import) make at most one change, caused by the last of them (by seq) that
/// moved the value; a change is a change of the *value* (a share going from
/// 1/1 to 2/2 is no change).
///
/// ```swift
/// var fold = IndicatorHistoryFold(key: "procurement.insertion_hours", year: 2022)
/// for record in records { try fold.apply(record, lookup: lookup) }
/// let history = fold.finish()
/// ```
public struct IndicatorHistoryFold {
  public let key: String
  public let year: Int
  var state = BilanProjection.initial
  /// Only the key's own domain is recomputed after each event of it.
  let domain: EventDomain?
  /// The key's place in its domain's list (fixed, except for reported figures, which come and go).
  let fixedPlace: Int?
  var history: IndicatorHistory
  var groupStart: Bilan.Value
  var current: Bilan.Value
  var groupAt: Timestamp? = nil
  var mover: IndicatorHistory.Cause? = nil

  /// A fold for indicator `key` of `year` (any key: an unknown one stays `null`).
  public init(key: String, year: Int) {
    self.key = key
    self.year = year
    let domain = EventDomain.of(key: key)
    let empty = BilanState()
    let place = key.hasPrefix("reported.") ? nil : domain.flatMap { d in empty.indicators(of: d, year: year).firstIndex { $0.key == key } }
    self.domain = domain
    fixedPlace = place
    history = IndicatorHistory(key: key, year: year)
    let start = Self.value(of: key, in: empty, domain: domain, place: place, year: year)
    groupStart = start
    current = start
  }

  /// The value on an empty journal (0, or `null`).
  public var emptyValue: Bilan.Value { Self.value(of: key, in: BilanState(), domain: domain, place: fixedPlace, year: year) }

  static func value(of key: String, in figures: BilanState, domain: EventDomain?, place: Int?, year: Int) -> Bilan.Value {
    guard let domain else { return .null }
    let list = figures.indicators(of: domain, year: year)
    if let place { return list[place].value }
    return list.first { $0.key == key }?.value ?? .null
  }

  /// Folds the next record.
  /// - Throws: what `lookup` throws.
  public mutating func apply(_ record: Record, lookup: (UInt64) throws -> any StoredEvent) rethrows {
    if record.recordedAt != groupAt {
      close()
      groupAt = record.recordedAt
    }
    let before = current
    let entry = EventKind.entry(record.type)
    try BilanProjection.apply(record, entry: entry, lookup: lookup, to: &state)
    // Only events of the key's domain, and corrections (which may aim at it), can move its value.
    if let kind = entry?.kind, kind.domain == domain || kind.isCorrection {
      current = Self.value(of: key, in: state.figures, domain: domain, place: fixedPlace, year: year)
    }
    if !current.isSameValue(as: before) {
      mover = IndicatorHistory.Cause(
        seq: record.seq, type: record.type, author: record.author, source: record.source, reason: record.reason)
    }
  }

  mutating func close() {
    if let at = groupAt, let cause = mover, !current.isSameValue(as: groupStart) {
      history.changes.append(IndicatorHistory.Change(recordedAt: at, value: current, previous: groupStart, cause: cause))
    }
    groupStart = current
    mover = nil
  }

  /// The history, once every record was folded.
  public mutating func finish() -> IndicatorHistory {
    close()
    return history
  }
}
