/// Sections 9 and 10: an import of another format (`ess import --from decp`,
/// `--from csv`) against `ess import` of the same events as JSON Lines, whole
/// processes; medians of the runs, the largest peak RSS, and the goal.
struct ImportComparison {
  /// Why the section did not run, if it did not.
  var skipped: String? = "not run"
  /// The format's name in the table ("DECP", "CSV") and in the JSON line ("decp", "csv").
  let format: String
  let key: String
  /// What its items are called ("records", "rows").
  let unit: String
  /// The goal: at least this many items a second.
  let goalPerSecond: Double
  var items = 0
  var runs = 0
  /// The sizes of the format's file and of the JSON Lines of the same events.
  var fileBytes = 0
  var jsonlBytes = 0
  var formatNanos: [Double] = []
  var formatPeakKB = 0
  var jsonlNanos: [Double] = []
  var jsonlPeakKB = 0

  /// The goals: a DECP import of at least 50 000 records a second, a CSV import of at least 200 000 rows.
  static func decp() -> ImportComparison { ImportComparison(format: "DECP", key: "decp", unit: "records", goalPerSecond: 50_000) }
  static func csv() -> ImportComparison { ImportComparison(format: "CSV", key: "csv", unit: "rows", goalPerSecond: 200_000) }

  var formatMedianNanos: Double { Stats(formatNanos).median }
  var jsonlMedianNanos: Double { Stats(jsonlNanos).median }
  var formatPerSecond: Double { Double(items) / (formatMedianNanos / 1e9) }
  var jsonlPerSecond: Double { Double(items) / (jsonlMedianNanos / 1e9) }

  /// Records the format's run (`jsonl` false) or the JSON Lines run of the same events.
  mutating func add(_ run: ChildRun, jsonl: Bool) {
    if jsonl {
      jsonlNanos.append(Double(run.nanos))
      jsonlPeakKB = max(jsonlPeakKB, run.peakKB)
    } else {
      formatNanos.append(Double(run.nanos))
      formatPeakKB = max(formatPeakKB, run.peakKB)
    }
  }

  var goals: [Results.Goal] {
    guard skipped == nil else { return [] }
    return [
      Results.Goal(
        key: "\(key)_import_\(unit)_per_s",
        label: "\(format) @\(Report.grouped(Double(items))): ess import --from \(key) (\(unit)/s)",
        value: formatPerSecond, limit: goalPerSecond, atLeast: true)
    ]
  }
}
