import Journal

/// Events by type and by valid-time year, and the transaction-time span:
/// what `ess stats` shows.
public enum JournalSummary: Projection {
  public struct State: Sendable, Equatable {
    public var events: UInt64 = 0
    public var byType: [String: UInt64] = [:]
    /// By the year of `occurredOn` (its first four digits).
    public var byYear: [Int: UInt64] = [:]
    public var firstRecordedAt: Timestamp? = nil
    public var lastRecordedAt: Timestamp? = nil
    public var lastSeq: UInt64 = 0
    public init() {}
  }

  public static var initial: State { State() }

  public static func apply(_ record: Record, to state: inout State) {
    state.events += 1
    state.byType[record.type, default: 0] += 1
    if let year = Int(record.occurredOn.prefix(4)) { state.byYear[year, default: 0] += 1 }
    if state.firstRecordedAt == nil { state.firstRecordedAt = record.recordedAt }
    state.lastRecordedAt = record.recordedAt
    state.lastSeq = record.seq
  }
}
