import Journal

/// What a correction or a retraction says (EVENTS.md §2), read from its data.
///
/// ```swift
/// if let amendment = Amendment(kind: .eventCorrected, data: JSONObjectView(record.dataBytes)) {
///   amendment.target   // the seq it amends
/// }
/// ```
public enum Amendment: Sendable, Equatable {
  /// From then on the target counts with `data`, at `validTime` if given (else its own).
  case corrected(target: UInt64, data: JSONObjectView, validTime: ValidTime?)
  /// From then on the target counts as if it never happened.
  case retracted(target: UInt64)

  /// The amendment an event of `kind` makes; nil if `kind` is not a correction or the data names no target.
  public init?(kind: EventKind, data: JSONObjectView) {
    switch kind {
    case .eventCorrected:
      let view = EventCorrected.View(data)
      guard let target = view.target else { return nil }
      self = .corrected(
        target: target, data: view.replacement ?? JSONObjectView(Array("{}".utf8)[...]),
        validTime: view.occurredOn.flatMap(ValidTime.init))
    case .eventRetracted:
      guard let target = EventRetracted.View(data).target else { return nil }
      self = .retracted(target: target)
    default:
      return nil
    }
  }

  /// The seq of the event amended.
  public var target: UInt64 {
    switch self {
    case .corrected(let target, _, _), .retracted(let target): target
    }
  }
}
