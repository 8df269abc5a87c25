import Domain
import Journal

/// The events of some kinds as they count now: corrections applied,
/// retracted ones gone, in seq order. A pure fold of the changes
/// ``CorrectionFold`` makes, for exports of current facts (SCDL subsidies).
///
/// ```swift
/// var subsidies = EffectiveEvents(kinds: [.subsidyGranted])
/// for r in records { subsidies.apply(try corrections.apply(r, lookup: lookup)) }
/// subsidies.events   // seq order
/// ```
public struct EffectiveEvents: Sendable, Equatable {
  /// The kinds kept.
  public let kinds: Set<EventKind>
  private var bySeq: [UInt64: EffectiveEvent] = [:]

  public init(kinds: Set<EventKind>) { self.kinds = kinds }

  /// Folds the changes one event made.
  public mutating func apply(_ changes: EffectiveChanges) {
    if let removed = changes.removed, kinds.contains(removed.kind) { bySeq[removed.seq] = nil }
    if let added = changes.added, kinds.contains(added.kind) { bySeq[added.seq] = added }
  }

  /// The kept events, by seq.
  public var events: [EffectiveEvent] { bySeq.keys.sorted().map { bySeq[$0]! } }
}
