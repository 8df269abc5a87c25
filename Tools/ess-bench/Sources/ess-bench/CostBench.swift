import Glibc

/// Section 8, "costs that do not grow with the history" (#14, part 6): the
/// real `ess` binary, run as child processes on journals built through it
/// (`ess init` + `ess import` of a valid ``CostHistory``: every event
/// checked), one journal per size. At each size: the import's time and peak
/// RSS; checked against unchecked append latency; `ess show` of a seq in the
/// middle; the peak RSS of each reader. Then the largest history again,
/// written by imports of 1 000 lines (1 000-event commits), and its readers.
enum CostBench {
  /// Everything a run needs: the ess binary, the working folder, the sizes.
  struct Setup {
    var ess: String
    var dir: String
    var sizes: [Int]
    var repeats: Int
    var seed: UInt64
    var commitEvents = 1000
    /// Keep the journals (`--keep`); they are removed as soon as measured otherwise.
    var keep = false
    var stderrPath: String { dir + "/raw-cost-stderr.txt" }
  }

  /// The `ess` to run: `explicit` (a path, or a name looked up on PATH), else
  /// the release build of this same repository, else `ess` on PATH; nil if none.
  static func findESS(explicit: String?) -> String? {
    if let explicit {
      let found = explicit.contains("/") ? explicit : HashBaseline.tool(explicit)
      guard let found, access(found, X_OK) == 0 else { System.fail("--ess \(explicit): no executable there") }
      return absolute(found)
    }
    // This file is <repo>/Tools/ess-bench/Sources/ess-bench/CostBench.swift.
    let repo = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(5).joined(separator: "/")
    let built = repo + "/.build/release/ess"
    if access(built, X_OK) == 0 { return built }
    return HashBaseline.tool("ess")
  }

  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var buf = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buf, buf.count) != nil else { return path }
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
  }

  static func progress(_ s: String) { System.err("· \(s)\n") }

  static func ms(_ nanos: UInt64) -> String { Report.fixed(Double(nanos) / 1e6, 0) + " ms" }

  static func run(_ setup: Setup) -> CostFigures {
    var f = CostFigures()
    f.skipped = nil
    f.ess = setup.ess
    f.version = String(decoding: System.run([setup.ess, "--version"]).output, as: UTF8.self).filter { $0 != "\n" }
    f.repeats = setup.repeats
    for events in setup.sizes {
      f.sizes.append(size(events, setup))
    }
    if let largest = setup.sizes.last {
      f.commits = commits(largest, setup)
    }
    unlink(setup.stderrPath)
    return f
  }

  /// `ess ARGS --journal JOURNAL`, measured, its output to /dev/null.
  static func ess(_ setup: Setup, _ journal: String, _ arguments: [String]) -> ChildRun {
    ChildRun.run([setup.ess] + arguments + ["--journal", journal], stderr: setup.stderrPath)
  }

  /// One size: build the journal by one import, then appends, show, readers.
  static func size(_ events: Int, _ setup: Setup) -> CostFigures.Size {
    var s = CostFigures.Size()
    s.events = events
    let history = CostHistory(seed: setup.seed, lines: events)
    let file = setup.dir + "/raw-cost-\(events).jsonl"
    let journal = setup.dir + "/journal-cost-\(events)"
    System.removeTree(journal)
    let t0 = System.now()
    history.write(file)
    s.generateNanos = System.now() - t0
    s.importFileBytes = System.fileSize(file)
    // Its 200 MB written back now, not while the import is timed.
    System.flush(file)

    s.initRun = ess(setup, journal, ["init"])
    // Three imports of the file (medians, on a shared machine): the one that builds the journal, then two into
    // scratch journals, removed at once.
    s.importRuns.append(ess(setup, journal, ["import", file]))
    for _ in 0..<2 {
      let scratch = journal + "-again"
      System.removeTree(scratch)
      _ = ess(setup, scratch, ["init"])
      s.importRuns.append(ess(setup, scratch, ["import", file]))
      System.removeTree(scratch)
    }
    s.importRun = s.importRuns.sorted { $0.nanos < $1.nanos }[s.importRuns.count / 2]
    s.importRun.peakKB = s.importRuns.map(\.peakKB).max() ?? 0
    unlink(file)
    progress(
      "costs @\(events): ess import \(ms(s.importRun.nanos)) (median of \(s.importRuns.map { ms($0.nanos) }.joined(separator: ", "))), peak RSS \(Report.kbToMiB(s.importRun.peakKB)) (file written in \(ms(s.generateNanos)))"
    )

    // Checked (an insertion-hours report: its contract must be awarded) and
    // unchecked (books counted: no integrity rule) appends, interleaved, the
    // order alternating. The first pair is reported apart, out of the medians:
    // the first append after an import may do one-time work (an index caught up).
    func checked(_ k: Int) -> [String] {
      [
        "append", "procurement.insertion-hours-reported", "contractId=\(history.contractId(k * 7919))", "insertionHours=5",
        "trainingHours=0", "beneficiaries=1", "beneficiariesInQPV=0", "--occurred-on", "2024-03-01", "--author", "bench",
      ]
    }
    let unchecked = ["append", "books.donation-counted", "books=5", "--occurred-on", "2024-03-01", "--author", "bench"]
    s.firstChecked = ess(setup, journal, checked(0))
    s.firstUnchecked = ess(setup, journal, unchecked)
    for k in 1...setup.repeats {
      let pair = k % 2 == 1 ? [checked(k), unchecked] : [unchecked, checked(k)]
      for arguments in pair {
        let nanos = Double(ess(setup, journal, arguments).nanos)
        if arguments == unchecked { s.uncheckedNanos.append(nanos) } else { s.checkedNanos.append(nanos) }
      }
    }
    progress(
      "costs @\(events): append checked \(Report.fixed(s.checkedMs.median, 1)) ms, unchecked \(Report.fixed(s.uncheckedMs.median, 1)) ms (medians of \(setup.repeats))"
    )

    s.showSeq = max(1, events / 2)
    _ = ess(setup, journal, ["show", String(s.showSeq)])
    for _ in 0..<setup.repeats {
      s.showNanos.append(Double(ess(setup, journal, ["show", String(s.showSeq)]).nanos))
      s.startNanos.append(Double(ChildRun.run([setup.ess, "types", "books.donation-counted"], stderr: setup.stderrPath).nanos))
    }

    s.readers = readers(setup, journal)
    progress(
      "costs @\(events): show \(Report.fixed(s.showMs.median, 1)) ms (process start \(Report.fixed(s.startMs.median, 1)) ms); readers' peak RSS "
        + s.readers.map { "\($0.key) \(Report.kbToMiB($0.run.peakKB))" }.joined(separator: ", "))
    if !setup.keep { System.removeTree(journal) }
    return s
  }

  /// Each reader once, with the bilan checkpoint removed first (the cold bilan's flag makes sure of it too).
  static func readers(_ setup: Setup, _ journal: String) -> [CostFigures.ReaderRun] {
    CostFigures.readerCommands.map { c in
      unlink(journal + "/cache/bilan.ckpt")
      return CostFigures.ReaderRun(key: c.key, run: ess(setup, journal, c.arguments))
    }
  }

  /// The history of `events` lines again, written by imports of
  /// `setup.commitEvents` lines each (one commit each), then its readers.
  static func commits(_ events: Int, _ setup: Setup) -> CostFigures.Commits {
    var c = CostFigures.Commits()
    c.events = events
    c.commitEvents = setup.commitEvents
    let history = CostHistory(seed: setup.seed, lines: events)
    let chunk = setup.dir + "/raw-cost-chunk.jsonl"
    let journal = setup.dir + "/journal-cost-commits-\(events)"
    System.removeTree(journal)
    _ = ess(setup, journal, ["init"])
    var start = 0
    var lastReport = System.now()
    while start < events {
      let end = min(start + setup.commitEvents, events)
      history.write(chunk, from: start, to: end)
      let r = ess(setup, journal, ["import", chunk])
      c.totalNanos += r.nanos
      c.importNanos.append(Double(r.nanos))
      c.maxPeakKB = max(c.maxPeakKB, r.peakKB)
      c.imports += 1
      start = end
      if System.now() - lastReport > 10_000_000_000 {
        progress("costs, \(setup.commitEvents)-event commits: \(start)/\(events) events, imports so far \(ms(c.totalNanos))")
        lastReport = System.now()
      }
    }
    unlink(chunk)
    c.readers = readers(setup, journal)
    progress(
      "costs, \(setup.commitEvents)-event commits @\(events): \(c.imports) imports in \(ms(c.totalNanos)); readers' peak RSS "
        + c.readers.map { "\($0.key) \(Report.kbToMiB($0.run.peakKB))" }.joined(separator: ", "))
    if !setup.keep { System.removeTree(journal) }
    return c
  }
}
