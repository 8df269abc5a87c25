import Domain
import Journal

/// `ess show SEQ|ID`: one event, whole, with the corrections and retractions
/// that apply to it (EVENTS.md §2), and what it counts as now.
public struct EventDetails: Sendable {
  public var record: Record
  /// Corrections and retractions targeting it, in seq order.
  public var amendments: [Record]

  /// Finds the event by seq or by id (one pass over the journal for amendments).
  /// - Throws: ``ServiceError`` `.notFound`, or `.badInput` for a key that is neither a seq nor a UUID.
  public static func load(journal path: String, key: String) throws(ServiceError) -> EventDetails {
    do {
      let reader = try Reader(at: path)
      let record = try EventKey.record(key, in: reader)
      var amendments: [Record] = []
      try reader.forEach(from: record.seq + 1) { r in
        if let kind = EventKind.lookup(r.type), Amendment(kind: kind, data: JSONObjectView(r.dataBytes))?.target == record.seq {
          amendments.append(r.detached())
        }
      }
      return EventDetails(record: record, amendments: amendments)
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// What the event counts as now: nil if retracted (or not a domain event).
  public var now: EffectiveEvent? { CorrectionRules.version(of: record, amendedBy: amendments.last) }
}
