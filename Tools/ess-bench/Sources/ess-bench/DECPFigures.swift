/// Section 9's figures (``DECPBench``): the DECP import and the JSON Lines
/// import of the same events; its goal joins the others.
struct DECPFigures {
  /// Why the section did not run, if it did not.
  var skipped: String? = "not run"
  var records = 0
  var runs = 0
  /// The generated DECP file's size, and the lines `ess export` wrote.
  var fileBytes = 0
  var exportedLines = 0
  var decpNanos: [Double] = []
  var decpPeakKB = 0
  var jsonlNanos: [Double] = []
  var jsonlPeakKB = 0

  /// The goal: a DECP import of at least 50 000 records a second.
  static let recordsPerSecond = 50_000.0

  var decpMedianNanos: Double { Stats(decpNanos).median }
  var jsonlMedianNanos: Double { Stats(jsonlNanos).median }
  var decpRecordsPerSecond: Double { Double(records) / (decpMedianNanos / 1e9) }
  var jsonlRecordsPerSecond: Double { Double(records) / (jsonlMedianNanos / 1e9) }

  var goals: [Results.Goal] {
    guard skipped == nil else { return [] }
    return [
      Results.Goal(
        key: "decp_import_records_per_s", label: "DECP @\(Report.grouped(Double(records))): ess import --from decp (records/s)",
        value: decpRecordsPerSecond, limit: DECPFigures.recordsPerSecond, atLeast: true)
    ]
  }
}
