/// Sections 9 and 10 of the table, and their objects in the JSON line.
extension Report {
  static func printImport(_ f: ImportComparison, title: String, setup: [String], _ goals: [String: Results.Goal]) {
    print("\n" + title)
    if let skipped = f.skipped {
      print("  skipped: \(skipped)")
      return
    }
    for line in setup { print("  " + line) }
    row("", [f.format, "JSON Lines"], width: 15)
    row("import, s", [seconds(f.formatMedianNanos), seconds(f.jsonlMedianNanos)], width: 15)
    row("\(f.unit)/s", [grouped(f.formatPerSecond), grouped(f.jsonlPerSecond)], width: 15)
    row("peak RSS, MiB", [fixed(Double(f.formatPeakKB) / 1024, 1), fixed(Double(f.jsonlPeakKB) / 1024, 1)], width: 15)
    row("\(f.format) / JSON Lines (time)", [fixed(f.formatMedianNanos / f.jsonlMedianNanos, 2), ""], width: 15)
    for g in f.goals { goalRow(goals[g.key]!) }
  }

  static func printDECP(_ r: Results, _ goals: [String: Results.Goal]) {
    let f = r.decp
    printImport(
      f, title: "9. DECP import: ess import --from decp against ess import of the same events as JSON Lines, whole processes",
      setup: [
        "a generated DECP v2 JSON file of \(grouped(Double(f.items))) contracts (\(fixed(Double(f.fileBytes) / 1e6, 1)) MB) and its SIRENE extract, into a fresh journal;",
        "then that journal's `ess export` (\(fixed(Double(f.jsonlBytes) / 1e6, 1)) MB) into a fresh journal; medians of \(f.runs) runs",
      ], goals)
  }

  static func printCSVImport(_ r: Results, _ goals: [String: Results.Goal]) {
    let f = r.csvImport
    printImport(
      f, title: "10. CSV import: ess import --from csv against ess import of the same events as JSON Lines, whole processes",
      setup: [
        "\(grouped(Double(f.items))) insertion-hours reports as a csv-fr table (\(fixed(Double(f.fileBytes) / 1e6, 1)) MB) or as JSON Lines (\(fixed(Double(f.jsonlBytes) / 1e6, 1)) MB),",
        "each into a fresh journal holding \(grouped(Double(CSVImportBench.contracts))) contracts; medians of \(f.runs) runs",
      ], goals)
  }

  static func imports(_ f: ImportComparison) -> JSONObject {
    var o = JSONObject()
    if let skipped = f.skipped {
      o.str("skipped", skipped)
      return o
    }
    o.int(f.unit, Int64(f.items))
    o.int("file_bytes", Int64(f.fileBytes))
    o.int("jsonl_bytes", Int64(f.jsonlBytes))
    o.int("runs", Int64(f.runs))
    var format = milliseconds(f.formatNanos)
    format.num("\(f.unit)_per_s", f.formatPerSecond)
    format.int("peak_rss_kb", Int64(f.formatPeakKB))
    o.obj("\(f.key)_ms", format)
    var jsonl = milliseconds(f.jsonlNanos)
    jsonl.num("\(f.unit)_per_s", f.jsonlPerSecond)
    jsonl.int("peak_rss_kb", Int64(f.jsonlPeakKB))
    o.obj("jsonl_ms", jsonl)
    return o
  }
}
