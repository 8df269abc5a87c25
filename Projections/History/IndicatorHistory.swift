import Journal

/// How one indicator of one year evolved along transaction time, and why
/// (BILAN.md, "Indicator history"): every change of its value, with the
/// previous value and the event that caused it.
///
/// Made by ``IndicatorHistoryFold`` from the journal's records, in one pass.
public struct IndicatorHistory: Sendable, Equatable {
  public var key: String
  public var year: Int
  public var changes: [Change]

  public init(key: String, year: Int, changes: [Change] = []) {
    self.key = key
    self.year = year
    self.changes = changes
  }

  public struct Change: Sendable, Equatable {
    public var recordedAt: Timestamp
    public var value: Bilan.Value
    public var previous: Bilan.Value
    public var cause: Cause
  }

  /// The event that moved the value.
  public struct Cause: Sendable, Equatable {
    public var seq: UInt64
    public var type: String
    public var author: String
    public var source: String?
    public var reason: String?
  }
}
