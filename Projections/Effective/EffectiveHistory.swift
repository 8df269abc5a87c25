import Catalog
import Journal

/// The correction machinery, written once: turns records (domain events,
/// `event.corrected`, `event.retracted`) into ``EffectiveChange``s, so that
/// every projection is correction-aware without code of its own. Old schema
/// versions are upcast by the catalog on the way.
///
/// Its state is small — which events were amended, and by which record — so
/// memory stays flat in the journal's size: when a correction arrives, the
/// target's previous version is rebuilt from the records `lookup` gives
/// (the journal's own bytes); the fold itself does no I/O.
///
/// ```swift
/// var history = EffectiveHistory()
/// for change in try history.apply(record, lookup: { try reader.record(seq: $0) }) { figures.apply(change) }
/// ```
public struct EffectiveHistory: Sendable, Equatable {
  /// Amended domain event → the seq of the record that defines its current version.
  var amendedBy: [UInt64: UInt64] = [:]

  public init() {}

  /// The changes `record` makes to what counts.
  public mutating func apply(_ record: Record, lookup: (UInt64) throws -> Record) rethrows -> EffectiveChanges {
    guard let version = EffectiveHistory.currentVersions[record.type] else { return EffectiveChanges() }
    guard version > 0 else { return try amend(record, lookup: lookup) }
    return EffectiveChanges(added: EffectiveHistory.original(record, currentVersion: version))
  }

  mutating func amend(_ record: Record, lookup: (UInt64) throws -> Record) rethrows -> EffectiveChanges {
    let data = JSONObjectView(record.dataBytes)
    guard let target = data.int64("target").map(UInt64.init), target < record.seq else { return EffectiveChanges() }
    let targetRecord = try lookup(target)
    guard !EventCatalog.correctionTypes.contains(targetRecord.type) else { return EffectiveChanges() }
    let before = try amendedBy[target].map(lookup)
    var changes = EffectiveChanges()
    changes.removed = EffectiveHistory.version(of: targetRecord, definedBy: before)
    amendedBy[target] = record.seq
    changes.added = EffectiveHistory.version(of: targetRecord, definedBy: record)
    return changes
  }

  /// A domain event as first recorded (its data upcast to the current schema).
  static func original(_ r: Record, currentVersion: Int? = nil) -> EffectiveEvent? {
    guard let time = EffectiveEvent.validTime(r.occurredOnBytes) else { return nil }
    let type = r.type
    let data = JSONObjectView(r.dataBytes)
    let current = currentVersion ?? currentVersions[type] ?? 0
    return EffectiveEvent(
      seq: r.seq, type: type, day: time.day, timeOfDay: time.timeOfDay,
      data: r.version < current ? upcast(type, data, r.version) : data)
  }

  /// The version of `target` that `amendment` (a correction or retraction, or
  /// nil for none) makes current; nil when retracted.
  static func version(of target: Record, definedBy amendment: Record?) -> EffectiveEvent? {
    guard let amendment else { return original(target) }
    guard amendment.type == "event.corrected", let own = EffectiveEvent.validTime(target.occurredOnBytes) else { return nil }
    let data = JSONObjectView(amendment.dataBytes)
    let time = data.string("occurredOn").flatMap(EffectiveEvent.validTime) ?? own
    // The replacement data was checked against the target type's current version when recorded.
    return EffectiveEvent(
      seq: target.seq, type: target.type, day: time.day, timeOfDay: time.timeOfDay,
      data: data.object("data") ?? JSONObjectView(Array("{}".utf8)[...]))
  }

  /// Whether `type` amends another event (`event.corrected`, `event.retracted`): one table lookup, no hashing.
  static func isCorrection(_ type: String) -> Bool { currentVersions[type] == 0 }

  /// Each type's current schema version (events recorded with an older one
  /// are upcast); 0 for the correction types.
  static let currentVersions = TypeTable(
    EventCatalog.types.map { ($0.type, EventCatalog.correctionTypes.contains($0.type) ? 0 : $0.version) })

  /// Data of an older schema version, brought to the current one (unchanged if it cannot be).
  static func upcast(_ type: String, _ data: JSONObjectView, _ version: Int) -> JSONObjectView {
    guard let t = EventCatalog.type(named: type), version < t.version, var d = try? JSONParser.parse(data.bytes) else {
      return data
    }
    for v in version..<t.version {
      guard let next = try? t.upcast(d, fromVersion: v) else { return data }
      d = next
    }
    return JSONObjectView(d.canonicalBytes()[...])
  }
}
