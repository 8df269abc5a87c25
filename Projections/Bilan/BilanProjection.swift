import Journal

/// The bilan's fold: the correction machinery, then the domain figures.
/// `apply` is pure — folding the journal in parts equals folding it at once.
public enum BilanProjection: Projection {
  public struct State: Sendable, Equatable {
    public var history = EffectiveHistory()
    public var figures = BilanState()
    /// The last event folded (the history the bilan names).
    public var seq: UInt64 = 0
    public var hash: ChainHash = .zero
    public init() {}
  }

  public static var initial: State { State() }

  public static func apply(_ record: Record, to state: inout State) {
    let data = (try? record.data()) ?? .object([:])
    let changes = state.history.apply(
      seq: record.seq, type: record.type, version: record.version, occurredOn: record.occurredOn, data: data)
    for change in changes { state.figures.apply(change) }
    state.seq = record.seq
    state.hash = record.hash
  }
}
