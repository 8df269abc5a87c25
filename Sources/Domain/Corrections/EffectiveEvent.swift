import Journal

/// A domain event as it counts now (EVENTS.md §2): its data and valid time
/// after the corrections recorded so far. What every fold is told.
public struct EffectiveEvent: Sendable, Equatable {
  public var seq: UInt64
  public var kind: EventKind
  /// When it counts (the correction's new valid time, if one moved it).
  public var time: ValidTime
  /// Its data at the current schema version, read from canonical bytes.
  public var data: JSONObjectView

  public init(seq: UInt64, kind: EventKind, time: ValidTime, data: JSONObjectView) {
    self.seq = seq
    self.kind = kind
    self.time = time
    self.data = data
  }

  /// Days since 1970 of its Paris valid date.
  public var day: Int32 { time.day }
  /// The year of the bilan it counts in.
  public var year: Int { time.year }
}
