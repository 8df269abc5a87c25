/// Prints the results as a table, then as ONE JSON line holding every figure.
enum Report {
  // MARK: Number formatting (no Foundation)

  static func fixed(_ v: Double, _ decimals: Int) -> String {
    guard v.isFinite else { return v.isNaN ? "n/a" : (v > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(v) * scale).rounded()
    guard scaled < 9e18 else { return String(v) }
    let n = Int64(scaled)
    let whole = n / Int64(scale)
    var s = (v < 0 && n != 0 ? "-" : "") + String(whole)
    if decimals > 0 {
      let frac = String(n % Int64(scale))
      s += "." + String(repeating: "0", count: decimals - frac.count) + frac
    }
    return s
  }

  /// An integer with thin thousands separators: 1 234 567.
  static func grouped(_ v: Double) -> String {
    guard v.isFinite else { return "n/a" }
    let digits = String(Int64(v.rounded()))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 && c != "-" { out.append(" ") }
      out.append(c)
    }
    return String(out.reversed())
  }

  static func mib(_ bytes: Int64) -> String { fixed(Double(bytes) / 1_048_576, 1) + " MiB" }
  static func kbToMiB(_ kb: Int) -> String { fixed(Double(kb) / 1024, 1) + " MiB" }

  static func left(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
  static func right(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }

  static func row(_ label: String, _ cells: [String], width: Int = 14, labelWidth: Int = 46) {
    print("  " + left(label, labelWidth) + cells.map { right($0, width) }.joined())
  }

  static func goalRow(_ g: Results.Goal) {
    print("  " + left(g.label, 50) + right(fixed(g.value, 2), 8) + "   goal " + left(g.target, 8) + (g.pass ? "PASS" : "MISS"))
  }

  // MARK: Table

  static func printTable(_ r: Results) {
    let goals = Dictionary(uniqueKeysWithValues: r.goals.map { ($0.key, $0) })
    print("")
    print("ess-bench — events=\(r.events) batch=\(r.batch) single=\(r.single) runs=\(r.runs) seed=\(r.seed)")
    print("  folder \(r.dir)")
    print(
      "  generated JSON line: \(fixed(r.generatorLineBytes, 1)) B/event; journal line (with seq, recordedAt, prev, hash): \(fixed(r.journalLineBytes, 1)) B/event"
    )

    print("\n1. Durable append, batches of \(r.batch) (events/s; median, min, max of \(r.runs) runs)")
    row("", ["median", "min", "max"])
    for (name, t) in [
      ("journal  append(batches:), pre-encoded data", r.bulkJournal), ("SQLite   WAL, synchronous=FULL, 1 tx/batch", r.bulkSQLite),
      ("raw disk write + fdatasync per batch", r.bulkRaw), ("floor: SHA-256 + LZ4 + write + fdatasync", r.bulkFloor),
      ("(info) journal, ids drawn by the journal", r.bulkJournalDrawnIDs),
      ("(info) journal append(_:) per batch, JSONValue", r.bulkJournalPerBatch),
      ("(info) floor over the journal's own lines", r.bulkFloorJournalLines),
    ] {
      let s = t.stats
      row(name, [grouped(s.median), grouped(s.min), grouped(s.max)])
    }
    let seal = Stats(r.sealNanos)
    row("(journal final seal() after load, ms)", [fixed(seal.median / 1e6, 1), fixed(seal.min / 1e6, 1), fixed(seal.max / 1e6, 1)])
    goalRow(goals["bulk_journal_over_raw"]!)
    goalRow(goals["bulk_journal_over_floor"]!)
    goalRow(goals["bulk_journal_over_sqlite"]!)

    print("\n2. Single-event durable append latency (\(r.single) commits of 1 event; µs)")
    row("", ["p50", "p99", "max"])
    for (name, l) in [
      ("journal  Writer.append([e])", r.singleJournal), ("SQLite   1 transaction per event", r.singleSQLite),
      ("raw disk write + fdatasync of 1 line", r.singleRaw),
    ] {
      let s = l.stats
      row(name, [fixed(s.p50, 0), fixed(s.p99, 0), fixed(s.max, 0)])
    }
    goalRow(goals["single_p50_journal_over_raw"]!)

    print("\n3. Sequential read of all \(r.events) events (events/s; median, min, max of \(r.runs) runs)")
    row("", ["median", "min", "max"])
    for (name, t) in [
      ("journal  Reader.records (seq,type,recordedAt)", r.readJournal), ("lz4 -dcm <segments> | wc -l", r.readLZ4),
      ("SQLite   SELECT body ORDER BY seq", r.readSQLite),
    ] {
      let s = t.stats
      row(name, [grouped(s.median), grouped(s.min), grouped(s.max)])
    }
    goalRow(goals["read_journal_over_lz4"]!)

    print("\n6. Bilan fold on the bulk journal (events/s; median, min, max)")
    row("", ["median", "min", "max"])
    let cold = r.bilanCold.stats
    row("bilan 2022, cold (no checkpoint)", [grouped(cold.median), grouped(cold.min), grouped(cold.max)])
    let warm = Stats(r.bilanWarmNanos)
    row(
      "bilan 2022, warm (checkpoint at head), ms in-process",
      [fixed(warm.median / 1e6, 1), fixed(warm.min / 1e6, 1), fixed(warm.max / 1e6, 1)])
    row("history of one indicator, one pass, ms", r.historyNanos.map { fixed($0 / 1e6, 0) })
    let series = Stats(r.seriesNanos)
    let html = Stats(r.htmlNanos)
    row("(same runs) cold bilan 2022, ms", [fixed(r.bilanColdMedianNanos / 1e6, 0), "", ""])
    row(
      "series, every key 2010–2023, one pass, ms", [fixed(series.median / 1e6, 0), fixed(series.min / 1e6, 0), fixed(series.max / 1e6, 0)])
    row(
      "html page 2022 (charts, sources), one pass, ms", [fixed(html.median / 1e6, 0), fixed(html.min / 1e6, 0), fixed(html.max / 1e6, 0)])
    goalRow(goals["series_over_cold_bilan"]!)
    goalRow(goals["html_over_cold_bilan"]!)
    goalRow(goals["bilan_cold_over_lz4"]!)
    goalRow(goals["bilan_cold_million_events_per_s"]!)

    print("\n4. Bytes per event on disk")
    row("", ["B/event", "total"])
    let n = r.events
    let m = r.single
    row(
      "journal bulk, after load (\(r.bulkSegments) segments)",
      [fixed(r.perEvent(r.journalBulkBeforeSeal, n), 1), mib(r.journalBulkBeforeSeal)])
    row("journal bulk, after seal()", [fixed(r.perEvent(r.journalBulkSealed, n), 1), mib(r.journalBulkSealed)])
    row("lz4 -1 of the bulk journal's JSON Lines", [fixed(r.perEvent(r.lz4OfJournalBulkContent, n), 1), mib(r.lz4OfJournalBulkContent)])
    row("  (those JSON Lines, uncompressed)", [fixed(r.perEvent(r.journalBulkContent, n), 1), mib(r.journalBulkContent)])
    row("lz4 -1 of the generated JSON Lines", [fixed(r.perEvent(r.lz4OfGeneratorJSONL, n), 1), mib(r.lz4OfGeneratorJSONL)])
    row("raw disk file (generated JSON Lines)", [fixed(r.perEvent(r.rawJSONL, n), 1), mib(r.rawJSONL)])
    row("floor's LZ4 frames (generated lines, 1 a batch)", [fixed(r.perEvent(r.floorBytes, n), 1), mib(r.floorBytes)])
    row("SQLite db + wal after checkpoint", [fixed(r.perEvent(r.sqliteBytes, n), 1), mib(r.sqliteBytes)])
    row(
      "journal single-append (\(m)), before seal()", [fixed(r.perEvent(r.journalSingleBeforeSeal, m), 1), mib(r.journalSingleBeforeSeal)])
    row("journal single-append (\(m)), after seal()", [fixed(r.perEvent(r.journalSingleSealed, m), 1), mib(r.journalSingleSealed)])
    row(
      "lz4 -1 of the single journal's JSON Lines", [fixed(r.perEvent(r.lz4OfJournalSingleContent, m), 1), mib(r.lz4OfJournalSingleContent)])
    goalRow(goals["bytes_bulk_sealed_over_lz4"]!)
    goalRow(goals["bytes_bulk_before_seal_over_lz4"]!)
    goalRow(goals["bytes_single_sealed_over_lz4"]!)

    print("\n5. Reader peak RSS (VmHWM), fresh child process `ess-bench read-only`")
    row("", ["journal", "events", "HWM before", "HWM after"])
    for (name, f) in [("bulk journal (\(r.runs) full reads)", r.childBulk), ("single-append journal (1 full read)", r.childSingle)] {
      row(name, [mib(f.journalBytes), String(f.events), kbToMiB(f.hwmBeforeKB), kbToMiB(f.hwmAfterKB)])
    }
    print("  (parent benchmark process VmHWM at the end: \(kbToMiB(r.parentHWMKB)))")

    printMerkle(r, goals)
    printCosts(r, goals)
    printDECP(r, goals)
    printCSVImport(r, goals)

    let passed = r.goals.filter(\.pass).count
    print(
      "\nGoals: \(passed)/\(r.goals.count) PASS"
        + (passed == r.goals.count ? "" : " — MISS: " + r.goals.filter { !$0.pass }.map(\.key).joined(separator: ", ")))
  }

  // MARK: JSON line

  /// A minimal ordered JSON object writer.
  struct JSONObject {
    var members: [(String, String)] = []
    mutating func num(_ k: String, _ v: Double) { members.append((k, v.isFinite ? Report.jsonNumber(v) : "null")) }
    mutating func int(_ k: String, _ v: Int64) { members.append((k, String(v))) }
    mutating func bool(_ k: String, _ v: Bool) { members.append((k, v ? "true" : "false")) }
    mutating func str(_ k: String, _ v: String) {
      var out: [UInt8] = []
      Report.appendJSONString(v, to: &out)
      members.append((k, String(decoding: out, as: UTF8.self)))
    }
    mutating func obj(_ k: String, _ v: JSONObject) { members.append((k, v.rendered)) }
    mutating func nums(_ k: String, _ v: [Double]) {
      members.append((k, "[" + v.map { Report.jsonNumber($0) }.joined(separator: ",") + "]"))
    }
    var rendered: String {
      "{"
        + members.map { m -> String in
          var key: [UInt8] = []
          Report.appendJSONString(m.0, to: &key)
          return String(decoding: key, as: UTF8.self) + ":" + m.1
        }.joined(separator: ",") + "}"
    }
  }

  static func jsonNumber(_ v: Double) -> String {
    guard v.isFinite else { return "null" }
    if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
    return fixed(v, 3)
  }

  static func appendJSONString(_ s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): out.append(contentsOf: Array("\\\"".utf8))
      case UInt8(ascii: "\\"): out.append(contentsOf: Array("\\\\".utf8))
      case 0..<0x20: out.append(contentsOf: Array("\\u00".utf8) + [hexDigit(b >> 4), hexDigit(b & 0xF)])
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

  static func throughput(_ t: Throughput) -> JSONObject {
    var o = JSONObject()
    let s = t.stats
    o.num("median", s.median.rounded())
    o.num("min", s.min.rounded())
    o.num("max", s.max.rounded())
    o.nums("runs", t.rates.map { $0.rounded() })
    return o
  }

  static func latency(_ l: Latencies) -> JSONObject {
    var o = JSONObject()
    let s = l.stats
    o.num("p50_us", s.p50)
    o.num("p99_us", s.p99)
    o.num("min_us", s.min)
    o.num("max_us", s.max)
    o.int("samples", Int64(s.count))
    return o
  }

  static func child(_ f: ReaderChild.Figures) -> JSONObject {
    var o = JSONObject()
    o.int("journal_bytes", f.journalBytes)
    o.int("events", Int64(f.events))
    o.int("vmhwm_before_kb", Int64(f.hwmBeforeKB))
    o.int("vmhwm_after_kb", Int64(f.hwmAfterKB))
    return o
  }

  static func jsonLine(_ r: Results) -> String {
    var root = JSONObject()
    root.str("bench", "ess-bench")
    root.int("events", Int64(r.events))
    root.int("batch", Int64(r.batch))
    root.int("single", Int64(r.single))
    root.int("runs", Int64(r.runs))
    root.int("seed", Int64(bitPattern: r.seed))
    root.num("generator_line_bytes", r.generatorLineBytes)
    root.num("journal_line_bytes", r.journalLineBytes)

    var append = JSONObject()
    append.obj("journal_events_per_s", throughput(r.bulkJournal))
    append.obj("sqlite_events_per_s", throughput(r.bulkSQLite))
    append.obj("raw_events_per_s", throughput(r.bulkRaw))
    append.obj("floor_events_per_s", throughput(r.bulkFloor))
    append.int("floor_bytes", r.floorBytes)
    append.obj("journal_drawn_ids_events_per_s", throughput(r.bulkJournalDrawnIDs))
    append.obj("journal_per_batch_jsonvalue_events_per_s", throughput(r.bulkJournalPerBatch))
    append.obj("floor_journal_lines_events_per_s", throughput(r.bulkFloorJournalLines))
    append.nums("journal_final_seal_ms", r.sealNanos.map { $0 / 1e6 })
    append.int("journal_segments", Int64(r.bulkSegments))
    append.num("journal_over_raw", r.journalOverRaw)
    append.num("journal_over_sqlite", r.journalOverSQLite)
    append.num("journal_over_floor", r.journalOverFloor)
    root.obj("bulk_append", append)

    var single = JSONObject()
    single.obj("journal", latency(r.singleJournal))
    single.obj("sqlite", latency(r.singleSQLite))
    single.obj("raw", latency(r.singleRaw))
    single.num("journal_p50_over_raw_p50", r.singleP50OverRaw)
    root.obj("single_append", single)

    var read = JSONObject()
    read.obj("journal_events_per_s", throughput(r.readJournal))
    read.obj("lz4_pipeline_lines_per_s", throughput(r.readLZ4))
    read.obj("sqlite_scan_rows_per_s", throughput(r.readSQLite))
    read.num("journal_over_lz4", r.readOverLZ4)
    root.obj("read", read)

    var bilan = JSONObject()
    bilan.obj("cold_events_per_s", throughput(r.bilanCold))
    bilan.nums("warm_ms_in_process", r.bilanWarmNanos.map { $0 / 1e6 })
    bilan.nums("history_ms", r.historyNanos.map { $0 / 1e6 })
    bilan.nums("series_ms", r.seriesNanos.map { $0 / 1e6 })
    bilan.nums("html_ms", r.htmlNanos.map { $0 / 1e6 })
    bilan.num("cold_over_lz4", r.bilanColdOverLZ4)
    root.obj("bilan", bilan)

    var bytes = JSONObject()
    let n = r.events
    let m = r.single
    for (k, v, count) in [
      ("journal_bulk_before_seal", r.journalBulkBeforeSeal, n), ("journal_bulk_sealed", r.journalBulkSealed, n),
      ("journal_bulk_content", r.journalBulkContent, n), ("lz4_1_of_journal_bulk_content", r.lz4OfJournalBulkContent, n),
      ("lz4_1_of_generated_jsonl", r.lz4OfGeneratorJSONL, n), ("raw_jsonl", r.rawJSONL, n), ("sqlite_db_wal", r.sqliteBytes, n),
      ("journal_single_before_seal", r.journalSingleBeforeSeal, m), ("journal_single_sealed", r.journalSingleSealed, m),
      ("lz4_1_of_journal_single_content", r.lz4OfJournalSingleContent, m),
    ] {
      var o = JSONObject()
      o.int("bytes", v)
      o.num("per_event", r.perEvent(v, count))
      bytes.obj(k, o)
    }
    root.obj("bytes", bytes)

    var memory = JSONObject()
    memory.obj("reader_child_bulk", child(r.childBulk))
    memory.obj("reader_child_single", child(r.childSingle))
    memory.int("parent_vmhwm_kb", Int64(r.parentHWMKB))
    root.obj("memory", memory)
    root.obj("merkle", merkle(r.merkle))
    root.obj("costs", costs(r.costs))
    root.obj("decp", imports(r.decp))
    root.obj("csv_import", imports(r.csvImport))

    var goals = JSONObject()
    for g in r.goals {
      var o = JSONObject()
      o.num("value", g.value)
      o.str("target", g.target)
      o.bool("pass", g.pass)
      goals.obj(g.key, o)
    }
    root.obj("goals", goals)
    return root.rendered
  }
}
