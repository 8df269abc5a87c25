import Journal

/// Indicators across years (`ess series`): one row per year, one column per
/// indicator, all from one fold of the journal (BILAN.md's figures of each
/// year, read from the same state), as known at one cut.
///
/// ```swift
/// let state = try reader.state()                       // one pass
/// let series = Series(state.figures, keys: ["procurement.insertion_hours"], years: 2010...2023, …)
/// series.rows[0].values[0]                           // 2010's insertion hours
/// ```
public struct Series: Sendable, Equatable {
  public struct Column: Sendable, Equatable {
    public var key: String
    public var unit: Bilan.Unit
    /// For `reported.*`: the figure as its partner wrote it, from the last year that has it.
    public var reported: Bilan.Reported?
  }

  public struct Row: Sendable, Equatable {
    public var year: Int
    /// One per column; `.null` for a `reported.*` key the year does not have.
    public var values: [Bilan.Value]
  }

  public var columns: [Column]
  public var rows: [Row]
  public var asKnownOn: String?
  public var journalSeq: UInt64
  public var journalHash: ChainHash

  /// The series of `keys` over `years` from a folded state.
  public init(
    _ figures: BilanState, keys: [String], years: ClosedRange<Int>, asKnownOn: String?, journalSeq: UInt64, journalHash: ChainHash
  ) {
    var units: [String: Bilan.Unit] = [:]
    var reported: [String: Bilan.Reported] = [:]
    rows = years.map { year in
      let bilan = figures.bilan(year: year, asKnownOn: asKnownOn, journalSeq: journalSeq, journalHash: journalHash)
      for key in keys {
        if let i = bilan.indicators.first(where: { $0.key == key }) { units[key] = i.unit }
        if let r = bilan.reported[key] { reported[key] = r }
      }
      return Row(year: year, values: keys.map { bilan.value($0) ?? .null })
    }
    columns = keys.map { Column(key: $0, unit: units[$0] ?? .number, reported: reported[$0]) }
    self.asKnownOn = asKnownOn
    self.journalSeq = journalSeq
    self.journalHash = journalHash
  }
}
