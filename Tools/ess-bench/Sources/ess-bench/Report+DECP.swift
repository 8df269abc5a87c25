/// Section 9 of the table and the `decp` object of the JSON line.
extension Report {
  static func printDECP(_ r: Results, _ goals: [String: Results.Goal]) {
    let f = r.decp
    print("\n9. DECP import: ess import --from decp against ess import of the same events as JSON Lines, whole processes")
    if let skipped = f.skipped {
      print("  skipped: \(skipped)")
      return
    }
    print(
      "  a generated DECP v2 JSON file of \(grouped(Double(f.records))) contracts (\(fixed(Double(f.fileBytes) / 1e6, 1)) MB) and its SIRENE extract, into a fresh journal;"
    )
    print("  then that journal's `ess export` (\(grouped(Double(f.exportedLines))) lines) into a fresh journal; medians of \(f.runs) runs")
    row("", ["DECP", "JSON Lines"], width: 15)
    row("import, s", [seconds(f.decpMedianNanos), seconds(f.jsonlMedianNanos)], width: 15)
    row("records/s", [grouped(f.decpRecordsPerSecond), grouped(f.jsonlRecordsPerSecond)], width: 15)
    row("peak RSS, MiB", [fixed(Double(f.decpPeakKB) / 1024, 1), fixed(Double(f.jsonlPeakKB) / 1024, 1)], width: 15)
    row("DECP / JSON Lines (time)", [fixed(f.decpMedianNanos / f.jsonlMedianNanos, 2), ""], width: 15)
    for g in f.goals { goalRow(goals[g.key]!) }
  }

  static func decp(_ f: DECPFigures) -> JSONObject {
    var o = JSONObject()
    if let skipped = f.skipped {
      o.str("skipped", skipped)
      return o
    }
    o.int("records", Int64(f.records))
    o.int("file_bytes", Int64(f.fileBytes))
    o.int("runs", Int64(f.runs))
    var decp = milliseconds(f.decpNanos)
    decp.num("records_per_s", f.decpRecordsPerSecond)
    decp.int("peak_rss_kb", Int64(f.decpPeakKB))
    o.obj("decp_ms", decp)
    var jsonl = milliseconds(f.jsonlNanos)
    jsonl.num("records_per_s", f.jsonlRecordsPerSecond)
    jsonl.int("peak_rss_kb", Int64(f.jsonlPeakKB))
    o.obj("jsonl_ms", jsonl)
    return o
  }
}
