import Catalog
import Journal

/// The correction machinery, written once: folds records (domain events,
/// `event.corrected`, `event.retracted`) into ``EffectiveChange``s, so that
/// every projection is correction-aware without code of its own. Old schema
/// versions are upcast by the catalog on the way.
///
/// ```swift
/// var history = EffectiveHistory()
/// for change in history.apply(record) { bilan.apply(change) }
/// ```
public struct EffectiveHistory: Sendable, Equatable {
  /// The version of each domain event as it counts now (nil: retracted).
  var current: [UInt64: EffectiveEvent] = [:]
  /// Each domain event's own valid time (a correction without `occurredOn` keeps it).
  var original: [UInt64: ValidTime] = [:]
  /// Domain events ever seen, with their type (correction targets).
  var types: [UInt64: String] = [:]

  public init() {}

  struct ValidTime: Sendable, Equatable {
    var day: Int32
    var timeOfDay: Int32
  }

  /// The changes `record` makes to what counts.
  public mutating func apply(seq: UInt64, type: String, version: Int, occurredOn: String, data: JSONValue) -> [EffectiveChange] {
    switch type {
    case "event.corrected":
      guard let target = data["target"]?.numberValue?.int64Value.map(UInt64.init), let targetType = types[target],
        let own = original[target]
      else { return [] }
      var changes: [EffectiveChange] = []
      if let old = current[target] { changes.append(.removed(old)) }
      let time = (data["occurredOn"]?.stringValue).flatMap(EffectiveEvent.validTime) ?? (day: own.day, timeOfDay: own.timeOfDay)
      // The replacement data was checked against the target type's version of its day: the current one.
      let new = EffectiveEvent(
        seq: target, type: targetType, day: time.day, timeOfDay: time.timeOfDay, data: data["data"] ?? .object([:]))
      current[target] = new
      changes.append(.added(new))
      return changes
    case "event.retracted":
      guard let target = data["target"]?.numberValue?.int64Value.map(UInt64.init), let old = current[target] else { return [] }
      current[target] = nil
      return [.removed(old)]
    default:
      guard let time = EffectiveEvent.validTime(occurredOn) else { return [] }
      types[seq] = type
      original[seq] = ValidTime(day: time.day, timeOfDay: time.timeOfDay)
      let event = EffectiveEvent(seq: seq, type: type, day: time.day, timeOfDay: time.timeOfDay, data: upcast(type, data, version))
      current[seq] = event
      return [.added(event)]
    }
  }

  /// Data of an older schema version, brought to the current one (unchanged if it cannot be).
  func upcast(_ type: String, _ data: JSONValue, _ version: Int) -> JSONValue {
    guard let t = EventCatalog.type(named: type), version < t.version else { return data }
    var d = data
    for v in version..<t.version {
      guard let next = try? t.upcast(d, fromVersion: v) else { return data }
      d = next
    }
    return d
  }
}
