import Domain
import Journal

/// The correction machinery of the folds: turns events (domain events,
/// `event.corrected`, `event.retracted`) into ``EffectiveChange``s by the
/// rules of ``Domain/CorrectionRules``, so that every projection is
/// correction-aware without code of its own. Old schema versions are upcast
/// on the way.
///
/// Its state is small — which events were amended, and by which event — so
/// memory stays flat in the journal's size: when a correction arrives, the
/// target's previous version is rebuilt from the events `lookup` gives (the
/// journal's own bytes, or a batch not yet written); the fold itself does no I/O.
///
/// ```swift
/// var history = CorrectionFold()
/// for change in try history.apply(record, lookup: { try reader.record(seq: $0) }) { figures.apply(change) }
/// ```
public struct CorrectionFold: Sendable, Equatable {
  /// Amended domain event → the seq of the event that defines its current version.
  package var amendedBy: [UInt64: UInt64] = [:]

  public init() {}

  /// The changes `event` makes to what counts.
  ///
  /// - Parameters:
  ///   - event: the next event, in seq order.
  ///   - lookup: an earlier event by seq (asked only for corrections: their target, and the target's previous amendment).
  /// - Throws: what `lookup` throws.
  public mutating func apply(_ event: some StoredEvent, lookup: (UInt64) throws -> any StoredEvent) rethrows -> EffectiveChanges {
    guard let entry = EventKind.entry(event.type) else { return EffectiveChanges() }
    return try apply(event, entry: entry, lookup: lookup)
  }

  /// The same, the event's kind already looked up (callers that need it too look it up once).
  package mutating func apply(_ event: some StoredEvent, entry: EventKind.Entry, lookup: (UInt64) throws -> any StoredEvent) rethrows
    -> EffectiveChanges
  {
    guard entry.kind.isCorrection else {
      return EffectiveChanges(added: CorrectionRules.original(event, kind: entry.kind, currentVersion: entry.version))
    }
    return try amend(event, kind: entry.kind, lookup: lookup)
  }

  mutating func amend(_ event: some StoredEvent, kind: EventKind, lookup: (UInt64) throws -> any StoredEvent) rethrows
    -> EffectiveChanges
  {
    guard let target = Amendment(kind: kind, data: JSONObjectView(event.dataBytes))?.target, target < event.seq else {
      return EffectiveChanges()
    }
    let targetEvent = try lookup(target)
    guard let targetKind = EventKind.lookup(targetEvent.type), !targetKind.isCorrection else { return EffectiveChanges() }
    let before = try amendedBy[target].map(lookup)
    var changes = EffectiveChanges()
    changes.removed = CorrectionRules.version(of: targetEvent, amendedBy: before)
    amendedBy[target] = event.seq
    changes.added = CorrectionRules.version(of: targetEvent, amendedBy: event)
    return changes
  }
}
