import Glibc

/// The command line: `ess-bench [--events N] [--dir PATH] [--single N] [--runs R] [--keep]
/// [--cost-sizes LIST] [--cost-repeats N] [--ess PATH] [--skip-costs]`,
/// plus the internal `ess-bench read-only --dir JOURNAL [--runs R]` used for the
/// reader's peak-RSS figure (a fresh child process of this same executable).
struct Options {
  enum Mode { case full, readOnly }

  var mode = Mode.full
  var events = 1_000_000
  var single = 2000
  var runs = 3
  var batch = 1000
  var seed: UInt64 = 0x0E55_BE7C
  var dir: String? = nil
  var keep = false
  /// Section 8: the history sizes, the repeats of each latency, the ess binary, or no section at all.
  var costSizes = [20000, 200_000, 1_000_000]
  var costRepeats = 11
  var ess: String? = nil
  var skipCosts = false
  /// Section 9: the records of the generated DECP file (0: no section 9).
  var decpRecords = 100_000
  /// Section 10: the rows of the generated CSV table (0: no section 10).
  var csvRows = 1_000_000
  /// `append-only`: the path section 1's journal row takes, or the one before #14 part 5 (`--per-batch`).
  var perBatch = false

  static let usage = """
    usage: ess-bench [--events N] [--single N] [--runs R] [--dir PATH] [--keep] [--seed S]
                     [--cost-sizes LIST] [--cost-repeats N] [--ess PATH] [--skip-costs] [--decp-records N]
                     [--csv-rows N]
      --events N   events of the bulk load (default 1000000; multiple of 1000 not required)
      --single N   events appended one commit each for the latency figure (default 2000)
      --runs R     repetitions of each throughput measurement (default 3; medians reported)
      --dir PATH   working folder (default: a fresh folder in /tmp), removed at the end
      --keep       keep the working folder
      --seed S     generator seed (default fixed, so every run writes the same events)
      --cost-sizes LIST  section 8, the ess command line on growing histories: their sizes, in events,
                   comma-separated, ascending (default 20000,200000,1000000); the largest is also
                   written by 1000-event commits
      --cost-repeats N   runs of each append and show latency in section 8 (default 11; medians reported)
      --ess PATH   the ess binary section 8 runs (default: <repo>/.build/release/ess, else ess on PATH;
                   without one, section 8 is skipped)
      --skip-costs skip section 8 (and 9)
      --decp-records N   section 9, `ess import --from decp` of a generated DECP v2 JSON file of N contracts against
                   `ess import` of the same events as JSON Lines (default 100000; 0 skips the section)
      --csv-rows N section 10, `ess import --from csv` of a generated csv-fr table of N insertion-hours reports
                   against `ess import` of the same events as JSON Lines (default 1000000; 0 skips the section)
    internal: ess-bench read-only --dir JOURNAL [--runs R]   (reads JOURNAL, prints key=value lines)
              ess-bench append-only [--events N] [--per-batch] (only the journal's bulk append, for profiling;
                                                             --per-batch: append(_:) per batch, JSONValue data)
    """

  static func parse(_ arguments: [String]) -> Options {
    var o = Options()
    var args = arguments.dropFirst()[...]
    if args.first == "read-only" {
      o.mode = .readOnly
      args = args.dropFirst()
    } else if args.first == "append-only" {
      args = args.dropFirst()
    }
    func value(_ flag: String) -> String {
      guard let v = args.popFirst() else { usageError("\(flag) needs a value") }
      return v
    }
    func count(_ flag: String, min: Int) -> Int {
      let text = value(flag).filter { $0 != "_" }
      guard let n = Int(text), n >= min else { usageError("\(flag) expects an integer ≥ \(min)") }
      return n
    }
    func sizes(_ flag: String) -> [Int] {
      let list = value(flag).split(separator: ",").map { Int($0.filter { $0 != "_" }) }
      guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) >= 2 }) else { usageError("\(flag) expects sizes ≥ 2, comma-separated") }
      let sizes = list.map { $0! }
      guard sizes == sizes.sorted(), Set(sizes).count == sizes.count else { usageError("\(flag) expects ascending sizes") }
      return sizes
    }
    while let arg = args.popFirst() {
      switch arg {
      case "--events": o.events = count(arg, min: 1)
      case "--single": o.single = count(arg, min: 1)
      case "--runs": o.runs = count(arg, min: 1)
      case "--batch": o.batch = count(arg, min: 1)
      case "--seed": o.seed = UInt64(count(arg, min: 0))
      case "--dir": o.dir = value(arg)
      case "--keep": o.keep = true
      case "--cost-sizes": o.costSizes = sizes(arg)
      case "--cost-repeats": o.costRepeats = count(arg, min: 1)
      case "--ess": o.ess = value(arg)
      case "--skip-costs": o.skipCosts = true
      case "--decp-records": o.decpRecords = count(arg, min: 0)
      case "--csv-rows": o.csvRows = count(arg, min: 0)
      case "--per-batch": o.perBatch = true
      case "-h", "--help":
        print(usage)
        exit(0)
      default: usageError("unknown argument \(arg)")
      }
    }
    if o.mode == .readOnly && o.dir == nil { usageError("read-only needs --dir JOURNAL") }
    return o
  }

  static func usageError(_ message: String) -> Never {
    System.err("ess-bench: \(message)\n\(usage)\n")
    exit(2)
  }
}
