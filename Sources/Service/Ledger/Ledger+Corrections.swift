import Domain
import Journal
import Projections

extension Ledger {
  /// What an event counts as now (EVENTS.md §2).
  public struct Effective: Sendable {
    /// The event as recorded.
    public var record: Record
    /// Its data as it counts now (the latest correction's, if any).
    public var data: JSONValue
    /// Whether it counts as if it never happened.
    public var retracted: Bool
  }

  /// What the event at `seq` counts as now.
  /// - Throws: ``ServiceError`` `.notFound` if there is no such event.
  public func effective(seq: UInt64) throws(ServiceError) -> Effective {
    do {
      let reader = store.reader
      let head = try reader.head()
      let record = try reader.record(seq: seq)
      // Outside the writer's lock: the index is read, never written, here.
      var model = try store.take(at: head.seq, hash: head.hash, persist: false)
      let amendments = try model.amendments(of: seq, base: store.base)
      store.keep(model)
      let amendment = try amendments.last.map { try reader.record(seq: $0) }
      guard let now = CorrectionRules.version(of: record, amendedBy: amendment) else {
        return Effective(record: record, data: try record.data(), retracted: amendment != nil)
      }
      return Effective(record: record, data: try JSONParser.parse(now.data.bytes), retracted: false)
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// Appends an `event.corrected` of `seq`: its current data with `changes`
  /// applied (a change to `null` removes an optional field), checked as data
  /// of the target's type and against every integrity rule.
  ///
  /// - Parameters:
  ///   - seq: the domain event corrected.
  ///   - changes: the fields that change.
  ///   - newValidTime: its new `occurredOn`, if it moves.
  ///   - today: the correction's own `occurredOn` (the day it is made).
  /// - Throws: ``ServiceError``; nothing was written.
  @discardableResult
  public func correct(
    seq: UInt64, changes: [String: JSONValue], occurredOn newValidTime: String? = nil, author: String, reason: String,
    source: String? = nil, today: String
  ) throws(ServiceError) -> Appended {
    try correct(
      try effective(seq: seq), changes: changes, occurredOn: newValidTime, author: author, reason: reason, source: source, today: today)
  }

  /// The same, for an event whose effective version the caller already read (``effective(seq:)``).
  @discardableResult
  public func correct(
    _ current: Effective, changes: [String: JSONValue], occurredOn newValidTime: String? = nil, author: String, reason: String,
    source: String? = nil, today: String
  ) throws(ServiceError) -> Appended {
    let seq = current.record.seq
    if let kind = EventKind.lookup(current.record.type), kind.isCorrection {
      throw ServiceError(
        .ruleBroken, "Seq \(seq) is itself a \(kind.rawValue) event; correct the original event instead.",
        at: .init(field: EventCorrected.Field.target.name, seq: seq))
    }
    var data = current.data.objectValue ?? [:]
    for (k, v) in changes { data[k] = v.isNull ? nil : v }
    let event = NewEvent(
      type: EventKind.eventCorrected.rawValue, occurredOn: today, author: author, source: source, reason: reason,
      data: EventCorrected.data(target: seq, replacement: .object(data), occurredOn: newValidTime))
    return try append([event])[0]
  }

  /// Appends an `event.retracted` of `seq`.
  /// - Throws: ``ServiceError``; nothing was written.
  @discardableResult
  public func retract(seq: UInt64, author: String, reason: String, source: String? = nil, today: String) throws(ServiceError)
    -> Appended
  {
    let event = NewEvent(
      type: EventKind.eventRetracted.rawValue, occurredOn: today, author: author, source: source, reason: reason,
      data: EventRetracted.data(target: seq))
    return try append([event])[0]
  }
}
