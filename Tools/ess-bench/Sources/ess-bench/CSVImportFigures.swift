/// Section 10's figures (``CSVImportBench``): a CSV table of insertion-hours
/// reports imported (`ess import --from csv`) against the JSON Lines import of
/// the same events; its goal joins the others.
struct CSVImportFigures {
  /// Why the section did not run, if it did not.
  var skipped: String? = "not run"
  var rows = 0
  var runs = 0
  var csvBytes = 0
  var jsonlBytes = 0
  var csvNanos: [Double] = []
  var csvPeakKB = 0
  var jsonlNanos: [Double] = []
  var jsonlPeakKB = 0

  /// The goal: a CSV import of at least 200 000 rows a second (on a 1 M-row file).
  static let rowsPerSecond = 200_000.0

  var csvMedianNanos: Double { Stats(csvNanos).median }
  var jsonlMedianNanos: Double { Stats(jsonlNanos).median }
  var csvRowsPerSecond: Double { Double(rows) / (csvMedianNanos / 1e9) }
  var jsonlRowsPerSecond: Double { Double(rows) / (jsonlMedianNanos / 1e9) }

  var goals: [Results.Goal] {
    guard skipped == nil else { return [] }
    return [
      Results.Goal(
        key: "csv_import_rows_per_s", label: "CSV @\(Report.grouped(Double(rows))): ess import --from csv (rows/s)",
        value: csvRowsPerSecond, limit: CSVImportFigures.rowsPerSecond, atLeast: true)
    ]
  }
}
