/// The figures of section 8 (#14, part 6): the ess command line on
/// histories of growing size, whole processes. Filled in by ``CostBench``,
/// printed by `Report+Costs.swift`; its goals join the others.
struct CostFigures {
  /// One reader command's run: its key in ``readerCommands``, what it cost.
  struct ReaderRun {
    var key: String
    var run = ChildRun()
  }

  /// One journal made by one `ess import` of a history of `events` lines.
  struct Size {
    var events = 0
    /// Writing the import file, in this process (information).
    var generateNanos: UInt64 = 0
    var importFileBytes: Int64 = 0
    var initRun = ChildRun()
    /// The median of the imports' times (`importRuns`), with the largest peak RSS of them.
    var importRun = ChildRun()
    /// Each import of the file: the one that builds the journal, then two into scratch journals.
    var importRuns: [ChildRun] = []
    /// The first append of each kind after the import (information: not in the medians).
    var firstChecked = ChildRun()
    var firstUnchecked = ChildRun()
    var checkedNanos: [Double] = []
    var uncheckedNanos: [Double] = []
    var showSeq = 0
    var showNanos: [Double] = []
    /// The baseline of the same runs: a process that starts, reads no journal and prints (`ess types TYPE`).
    var startNanos: [Double] = []
    var readers: [ReaderRun] = []

    var importLinesPerSecond: Double { Double(events) / (Double(max(importRun.nanos, 1)) / 1e9) }
    var checkedMs: Stats { Stats(checkedNanos.map { $0 / 1e6 }) }
    var uncheckedMs: Stats { Stats(uncheckedNanos.map { $0 / 1e6 }) }
    var showMs: Stats { Stats(showNanos.map { $0 / 1e6 }) }
    var startMs: Stats { Stats(startNanos.map { $0 / 1e6 }) }
    var checkedOverUnchecked: Double { checkedMs.median / uncheckedMs.median }
  }

  /// The same history as the largest size, written by many small imports.
  struct Commits {
    var events = 0
    var commitEvents = 0
    var imports = 0
    var totalNanos: UInt64 = 0
    var importNanos: [Double] = []
    var maxPeakKB = 0
    var readers: [ReaderRun] = []
  }

  /// Why the section did not run (no ess binary, or `--skip-costs`); nil when it ran.
  var skipped: String? = "not run"
  var ess = ""
  var version = ""
  var repeats = 0
  var sizes: [Size] = []
  var commits: Commits? = nil

  /// The peak RSS of the measuring process (``ChildRun/floorKB``), the largest seen.
  var spawnFloorKB: Int { sizes.flatMap { [$0.initRun, $0.importRun] + $0.readers.map(\.run) }.map(\.floorKB).max() ?? 0 }

  /// The readers measured, in order: key, label, arguments after `--journal DIR`.
  static let readerCommands: [(key: String, label: String, arguments: [String])] = [
    ("verify", "ess verify", ["verify"]),
    ("stats", "ess stats", ["stats"]),
    ("export", "ess export >/dev/null", ["export"]),
    ("log", "ess log >/dev/null", ["log", "--format", "json"]),
    ("bilan_cold", "ess bilan 2022 --no-checkpoint", ["bilan", "2022", "--no-checkpoint"]),
    ("history", "ess history … --year 2022", ["history", "procurement.insertion_hours", "--year", "2022"]),
  ]

  static let importPeakMiB = 256.0
  static let importKiloLinesPerSecond = 200.0
  static let checkedOverUnchecked = 1.5
  static let checkedGrowth = 1.5
  static let showMs = 20.0
  static let readerPeakMiB = 64.0

  /// The goals, at the largest size (the growth of checked appends: largest over smallest).
  var goals: [Results.Goal] {
    guard skipped == nil, let large = sizes.last, let small = sizes.first else { return [] }
    let at = "@" + Report.grouped(Double(large.events))
    typealias Goal = Results.Goal
    var out = [
      Goal(
        key: "costs_import_peak_rss_mib", label: "costs \(at): import, peak RSS (MiB)", value: large.importRun.peakMiB,
        limit: CostFigures.importPeakMiB, atLeast: false),
      Goal(
        key: "costs_import_klines_per_s", label: "costs \(at): import (k lines/s)", value: large.importLinesPerSecond / 1000,
        limit: CostFigures.importKiloLinesPerSecond, atLeast: true),
      Goal(
        key: "costs_checked_over_unchecked", label: "costs \(at): append checked / unchecked",
        value: large.checkedOverUnchecked, limit: CostFigures.checkedOverUnchecked, atLeast: false),
    ]
    if sizes.count > 1 {
      out.append(
        Goal(
          key: "costs_checked_growth",
          label: "costs: checked append \(at) / @\(Report.grouped(Double(small.events)))",
          value: large.checkedMs.median / small.checkedMs.median, limit: CostFigures.checkedGrowth, atLeast: false))
    }
    out.append(
      Goal(
        key: "costs_show_ms", label: "costs \(at): ess show N/2 (ms)", value: large.showMs.median,
        limit: CostFigures.showMs, atLeast: false))
    for r in large.readers {
      out.append(
        Goal(
          key: "costs_rss_\(r.key)_one_import_mib", label: "costs \(at): \(r.key), peak RSS (MiB)", value: r.run.peakMiB,
          limit: CostFigures.readerPeakMiB, atLeast: false))
    }
    for r in commits?.readers ?? [] {
      out.append(
        Goal(
          key: "costs_rss_\(r.key)_commits_mib", label: "costs \(at) ×\(commits!.commitEvents / 1000)k: \(r.key), peak RSS (MiB)",
          value: r.run.peakMiB, limit: CostFigures.readerPeakMiB, atLeast: false))
    }
    return out
  }
}
