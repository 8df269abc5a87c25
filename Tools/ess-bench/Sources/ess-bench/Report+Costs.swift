/// Section 8 of the table and the `costs` object of the JSON line.
extension Report {
  static func seconds(_ nanos: Double) -> String { fixed(nanos / 1e9, 2) }
  static func millis(_ ms: Double) -> String { fixed(ms, ms < 100 ? 1 : 0) }

  static func printCosts(_ r: Results, _ goals: [String: Results.Goal]) {
    let f = r.costs
    print("\n8. Costs that do not grow with the history: the ess command line, whole processes (wall time; peak RSS of wait4)")
    if let skipped = f.skipped {
      print("  skipped: \(skipped)")
      return
    }
    print("  ess: \(f.ess) (\(f.version))")
    print(
      "  peak RSS measured by ess-bench-spawn, a small process (its own peak, below which a figure cannot go: \(kbToMiB(f.spawnFloorKB)))")
    print("  each column a journal: `ess init` + ONE `ess import` of a valid history (2 000 awarded contracts, then insertion-hours")
    print("  reports; every event checked); appends and show: medians of \(f.repeats), after one pair not counted")
    var header = f.sizes.map { grouped(Double($0.events)) }
    if let c = f.commits {
      header.append(grouped(Double(c.events)) + " ×\(c.commitEvents / 1000)k")
      print(
        "  last column: the same \(grouped(Double(c.events)))-event history written by \(c.imports) `ess import` of \(grouped(Double(c.commitEvents))) lines (\(grouped(Double(c.commitEvents)))-event commits)"
      )
    }
    let width = 15
    row("", header, width: width)
    let c = f.commits
    func sizes(_ label: String, _ cell: (CostFigures.Size) -> String, commits: ((CostFigures.Commits) -> String)? = nil) {
      var cells = f.sizes.map(cell)
      if let c { cells.append(commits.map { $0(c) } ?? "") }
      row(label, cells, width: width)
    }
    sizes(
      "build: ess import, s (median of 3)", { seconds(Double($0.importRun.nanos)) }, commits: { seconds(Double($0.totalNanos)) })
    sizes("build: ess import, peak RSS, MiB", { fixed($0.importRun.peakMiB, 1) }, commits: { fixed(Double($0.maxPeakKB) / 1024, 1) })
    sizes(
      "build: ess import, k lines/s", { fixed($0.importLinesPerSecond / 1000, 0) },
      commits: { fixed(Double($0.events) / (Double($0.totalNanos) / 1e9) / 1000, 0) })
    sizes("(info) import file, MB", { fixed(Double($0.importFileBytes) / 1e6, 1) })
    sizes("append checked (insertion hours), ms", { millis($0.checkedMs.median) })
    sizes("append unchecked (books counted), ms", { millis($0.uncheckedMs.median) })
    sizes("checked / unchecked", { fixed($0.checkedOverUnchecked, 2) })
    if let small = f.sizes.first {
      sizes("checked / checked at \(grouped(Double(small.events)))", { fixed($0.checkedMs.median / small.checkedMs.median, 2) })
    }
    sizes("(info) checked, min–max, ms", { millis($0.checkedMs.min) + "–" + millis($0.checkedMs.max) })
    sizes("(info) first checked after the import, ms", { millis($0.firstChecked.milliseconds) })
    sizes("(info) first unchecked after it, ms", { millis($0.firstUnchecked.milliseconds) })
    sizes("ess show SEQ (seq = N/2), ms", { millis($0.showMs.median) })
    sizes("(baseline) process start: ess types TYPE, ms", { millis($0.startMs.median) })
    for (k, command) in CostFigures.readerCommands.enumerated() {
      sizes(
        "peak RSS, MiB: " + command.label, { fixed($0.readers[k].run.peakMiB, 1) },
        commits: { fixed($0.readers[k].run.peakMiB, 1) })
    }
    for (k, command) in CostFigures.readerCommands.enumerated() {
      sizes(
        "(info) time, s: " + command.label, { seconds(Double($0.readers[k].run.nanos)) },
        commits: { seconds(Double($0.readers[k].run.nanos)) })
    }
    if let c, !c.importNanos.isEmpty {
      let s = Stats(c.importNanos)
      print(
        "  (the \(c.imports) imports of \(grouped(Double(c.commitEvents))) lines: median \(millis(s.median / 1e6)) ms, first \(millis(c.importNanos.first! / 1e6)) ms, last \(millis(c.importNanos.last! / 1e6)) ms, max \(millis(s.max / 1e6)) ms)"
      )
    }
    for g in f.goals { goalRow(goals[g.key]!) }
  }

  static func childRun(_ run: ChildRun) -> JSONObject {
    var o = JSONObject()
    o.num("ms", run.milliseconds)
    o.int("peak_rss_kb", Int64(run.peakKB))
    return o
  }

  static func milliseconds(_ nanos: [Double]) -> JSONObject {
    var o = JSONObject()
    let s = Stats(nanos.map { $0 / 1e6 })
    o.num("median", s.median)
    o.num("min", s.min)
    o.num("max", s.max)
    o.nums("runs", nanos.map { $0 / 1e6 })
    return o
  }

  static func readers(_ runs: [CostFigures.ReaderRun]) -> JSONObject {
    var o = JSONObject()
    for r in runs { o.obj(r.key, childRun(r.run)) }
    return o
  }

  static func costs(_ f: CostFigures) -> JSONObject {
    var o = JSONObject()
    if let skipped = f.skipped {
      o.str("skipped", skipped)
      return o
    }
    o.str("ess", f.ess)
    o.str("version", f.version)
    o.int("repeats", Int64(f.repeats))
    o.int("spawn_floor_kb", Int64(f.spawnFloorKB))
    var sizes = JSONObject()
    for s in f.sizes {
      var one = JSONObject()
      one.int("events", Int64(s.events))
      one.int("import_file_bytes", s.importFileBytes)
      one.num("import_file_written_ms", Double(s.generateNanos) / 1e6)
      one.obj("init", childRun(s.initRun))
      one.obj("import", childRun(s.importRun))
      one.nums("import_runs_ms", s.importRuns.map { $0.milliseconds })
      one.num("import_lines_per_s", s.importLinesPerSecond.rounded())
      one.obj("append_checked_ms", milliseconds(s.checkedNanos))
      one.obj("append_unchecked_ms", milliseconds(s.uncheckedNanos))
      one.num("checked_over_unchecked", s.checkedOverUnchecked)
      one.obj("first_checked", childRun(s.firstChecked))
      one.obj("first_unchecked", childRun(s.firstUnchecked))
      one.int("show_seq", Int64(s.showSeq))
      one.obj("show_ms", milliseconds(s.showNanos))
      one.obj("process_start_ms", milliseconds(s.startNanos))
      one.obj("readers", readers(s.readers))
      sizes.obj(String(s.events), one)
    }
    o.obj("sizes", sizes)
    if let c = f.commits {
      var one = JSONObject()
      one.int("events", Int64(c.events))
      one.int("commit_events", Int64(c.commitEvents))
      one.int("imports", Int64(c.imports))
      one.num("imports_total_ms", Double(c.totalNanos) / 1e6)
      one.obj("import_ms", milliseconds(c.importNanos))
      one.int("import_peak_rss_kb_max", Int64(c.maxPeakKB))
      one.obj("readers", readers(c.readers))
      o.obj("commits", one)
    }
    return o
  }
}
