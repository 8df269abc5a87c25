import Domain
import Journal

/// The bilan's fold: the correction machinery, then the domain figures.
/// `apply` is pure — no I/O, no clock: the records a correction refers to
/// come from `lookup` — and folding the journal in parts equals folding it at once.
public enum BilanProjection {
  public struct State: Sendable, Equatable {
    public var history = CorrectionFold()
    public var figures = BilanState()
    /// The last event folded: the history a bilan names.
    public var last: Record? = nil
    public var seq: UInt64 { last?.seq ?? 0 }
    public var hash: ChainHash { last?.hash ?? .zero }
    public init() {}
  }

  public static var initial: State { State() }

  /// Folds `record`; `lookup` gives earlier events by seq (corrections only).
  public static func apply(_ record: Record, lookup: (UInt64) throws -> any StoredEvent, to state: inout State) rethrows {
    for change in try state.history.apply(record, lookup: lookup) { state.figures.apply(change) }
    state.last = record
  }

  /// The same, the record's kind already looked up (nil: a type outside the catalog).
  package static func apply(
    _ record: Record, entry: EventKind.Entry?, lookup: (UInt64) throws -> any StoredEvent, to state: inout State
  ) rethrows {
    if let entry {
      for change in try state.history.apply(record, entry: entry, lookup: lookup) { state.figures.apply(change) }
    }
    state.last = record
  }
}
