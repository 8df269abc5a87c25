import Domain
import Journal
import Projections

/// `ess show SEQ|ID`: one event, whole, with the corrections and retractions
/// that apply to it (EVENTS.md §2), and what it counts as now.
public struct EventDetails: Sendable {
  public var record: Record
  /// Corrections and retractions targeting it, in seq order.
  public var amendments: [Record]

  /// Finds the event by seq or by id, and its amendments through the
  /// integrity index (read, never written, here; what it lacks after its
  /// stamp is folded from the journal).
  /// - Throws: ``ServiceError`` `.notFound`, or `.badInput` for a key that is neither a seq nor a UUID.
  public static func load(journal path: String, key: String) throws(ServiceError) -> EventDetails {
    do {
      let reader = try Reader(at: path)
      let record = try EventKey.record(key, in: reader)
      let head = try reader.head()
      let store = try IntegrityStore(journal: path)
      var model = try store.take(at: head.seq, hash: head.hash, persist: false)
      var seqs: [UInt64]
      do {
        seqs = try model.amendments(of: record.seq, base: store.base)
      } catch is IntegrityModel.IndexDamaged {
        // A damaged index value: the whole journal folded in memory instead.
        var whole = try store.rebuild(head: head.seq, hash: head.hash, persist: false)
        seqs = try whole.amendments(of: record.seq, base: IntegrityModel.noBase)
      }
      return EventDetails(record: record, amendments: try seqs.map { try reader.record(seq: $0) })
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// What the event counts as now: nil if retracted (or not a domain event).
  public var now: EffectiveEvent? { CorrectionRules.version(of: record, amendedBy: amendments.last) }
}
