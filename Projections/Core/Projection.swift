import Journal

/// A read model folded from the journal: a pure function of the events, in
/// seq order. No I/O, no clock, no logger inside ``apply(_:to:)`` — the
/// reducer shape, so that folding in parts equals folding at once.
///
/// ```swift
/// enum CountByType: Projection {
///   static var initial: [String: Int] { [:] }
///   static func apply(_ record: Record, to state: inout [String: Int]) { state[record.type, default: 0] += 1 }
/// }
/// let counts = Fold.run(CountByType.self, over: records)
/// ```
public protocol Projection {
  associatedtype State: Sendable, Equatable
  static var initial: State { get }
  static func apply(_ record: Record, to state: inout State)
}

/// Runs a projection over records (the service feeds them from a journal).
public enum Fold {
  /// Folds `records`, in order, into `state` (default: the projection's initial state).
  public static func run<P: Projection>(_ projection: P.Type, over records: some Sequence<Record>, into state: P.State = P.initial)
    -> P.State
  {
    var state = state
    for record in records { P.apply(record, to: &state) }
    return state
  }
}
