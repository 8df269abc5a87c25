import Journal

/// The bilan of one valid-time year, as known at a transaction-time cut
/// (BILAN.md): every indicator, the year's milestones, and the exact
/// history it was read from (`seq` and `hash` of the last event read).
///
/// ```swift
/// let bilan = try BilanReader(journal: "journal").bilan(year: 2022, asKnownOn: "2023-03-31")
/// print(bilan.json)
/// ```
public struct Bilan: Sendable, Equatable {
  public var year: Int
  /// The cut as given (`YYYY-MM-DD` or a date-time), nil for "everything".
  public var asKnownOn: String?
  public var journalSeq: UInt64
  public var journalHash: ChainHash
  public var indicators: [Indicator]
  public var milestones: [Milestones.Milestone]

  public struct Indicator: Sendable, Equatable {
    public var key: String
    public var value: Value
    public var unit: Unit

    public init(key: String, value: Value, unit: Unit) {
      self.key = key
      self.value = value
      self.unit = unit
    }
  }

  /// Each indicator's change against the year before (empty unless asked for: ``changes(since:)``).
  public var changes: [Change] = []

  /// How an indicator moved against the year before (`ess bilan Y` shows it beside each figure).
  public struct Change: Sendable, Equatable {
    public var key: String
    /// The indicator's value in Y−1, as known at the same cut.
    public var previous: Value
    /// value − previous, in the indicator's own kind (a difference of shares is a share: percentage points);
    /// `.null` when either is null.
    public var absolute: Value
    /// (value − previous) / |previous| as a fraction; `.null` for shares (their change is in points), for a null
    /// value, or when previous is 0.
    public var relative: Value

    public init(key: String, previous: Value, absolute: Value, relative: Value) {
      self.key = key
      self.previous = previous
      self.absolute = absolute
      self.relative = relative
    }
  }

  /// What each figure reported by a partner is, as written, by its key (`reported.*`).
  public var reported: [String: Reported] = [:]

  /// A figure reported by a partner (`indicator.reported`): its slug, scope and unit as written.
  public struct Reported: Sendable, Equatable {
    public var indicator: String
    public var scope: String?
    public var unit: String
  }

  public enum Unit: String, Sendable, Equatable {
    case count, persons, hours, eur, share, percent, number
  }

  /// An indicator's value: exact integers, exact cents, exact fractions.
  public enum Value: Sendable, Equatable {
    case null
    case integer(Int64)
    case cents(Int64)
    /// numerator / denominator (denominator > 0).
    case fraction(Int64, Int64)
    case number(JSONNumber)
  }

  public func value(_ key: String) -> Value? { indicators.first { $0.key == key }?.value }
}
