/// Section 10 of the table and the `csv_import` object of the JSON line.
extension Report {
  static func printCSVImport(_ r: Results, _ goals: [String: Results.Goal]) {
    let f = r.csvImport
    print("\n10. CSV import: ess import --from csv against ess import of the same events as JSON Lines, whole processes")
    if let skipped = f.skipped {
      print("  skipped: \(skipped)")
      return
    }
    print(
      "  \(grouped(Double(f.rows))) insertion-hours reports as a csv-fr table (\(fixed(Double(f.csvBytes) / 1e6, 1)) MB) or as JSON Lines (\(fixed(Double(f.jsonlBytes) / 1e6, 1)) MB),"
    )
    print("  each into a fresh journal holding \(grouped(Double(CSVImportBench.contracts))) contracts; medians of \(f.runs) runs")
    row("", ["CSV", "JSON Lines"], width: 15)
    row("import, s", [seconds(f.csvMedianNanos), seconds(f.jsonlMedianNanos)], width: 15)
    row("rows/s", [grouped(f.csvRowsPerSecond), grouped(f.jsonlRowsPerSecond)], width: 15)
    row("peak RSS, MiB", [fixed(Double(f.csvPeakKB) / 1024, 1), fixed(Double(f.jsonlPeakKB) / 1024, 1)], width: 15)
    row("CSV / JSON Lines (time)", [fixed(f.csvMedianNanos / f.jsonlMedianNanos, 2), ""], width: 15)
    for g in f.goals { goalRow(goals[g.key]!) }
  }

  static func csvImport(_ f: CSVImportFigures) -> JSONObject {
    var o = JSONObject()
    if let skipped = f.skipped {
      o.str("skipped", skipped)
      return o
    }
    o.int("rows", Int64(f.rows))
    o.int("csv_bytes", Int64(f.csvBytes))
    o.int("jsonl_bytes", Int64(f.jsonlBytes))
    o.int("runs", Int64(f.runs))
    var csv = milliseconds(f.csvNanos)
    csv.num("rows_per_s", f.csvRowsPerSecond)
    csv.int("peak_rss_kb", Int64(f.csvPeakKB))
    o.obj("csv_ms", csv)
    var jsonl = milliseconds(f.jsonlNanos)
    jsonl.num("rows_per_s", f.jsonlRowsPerSecond)
    jsonl.int("peak_rss_kb", Int64(f.jsonlPeakKB))
    o.obj("jsonl_ms", jsonl)
    return o
  }
}
