import Glibc

/// Section 9, the DECP import (`ess import --from decp`) against the JSON
/// Lines import of the same events, whole `ess` processes: a generated v2
/// JSON file of N records and its SIRENE extract imported into a fresh
/// journal, `runs` times; that journal exported (`ess export`), and the
/// JSON Lines imported into a fresh journal, `runs` times. Time (medians) and
/// peak RSS (the largest run) of each.
enum DECPBench {
  static func run(ess: String, dir: String, records: Int, runs: Int, seed: UInt64) -> ImportComparison {
    var f = ImportComparison.decp()
    f.skipped = nil
    f.items = records
    f.runs = runs
    let history = DECPHistory(seed: seed, records: records)
    let decp = dir + "/raw-decp.json"
    let sirene = dir + "/raw-decp-sirene.csv"
    let exported = dir + "/raw-decp-export.jsonl"
    let journal = dir + "/journal-decp"
    let copy = dir + "/journal-decp-jsonl"
    let stderr = dir + "/raw-decp-stderr.txt"
    history.write(decp)
    history.writeSirene(sirene)
    // Written back now, not during the first timed import.
    for path in [decp, sirene] { System.flush(path) }
    f.fileBytes = Int(System.fileSize(decp))
    func command(_ arguments: [String], _ journal: String, stdout: String = "/dev/null") -> ChildRun {
      ChildRun.run([ess] + arguments + ["--journal", journal], stdout: stdout, stderr: stderr)
    }
    for run in 0..<runs {
      System.removeTree(journal)
      _ = command(["init"], journal)
      let r = command(["import", decp, "--from", "decp", "--sirene", sirene, "--author", "bench"], journal)
      f.add(r, jsonl: false)
      CostBench.progress(
        "DECP run \(run + 1)/\(runs): ess import --from decp of \(records) records \(CostBench.ms(r.nanos)), peak RSS \(Report.kbToMiB(r.peakKB))"
      )
    }
    _ = command(["export"], journal, stdout: exported)
    f.jsonlBytes = Int(System.fileSize(exported))
    System.flush(exported)
    let exportedLines = lines(exported)
    guard exportedLines == records else {
      System.fail("ess export wrote \(exportedLines) lines after the DECP import of \(records) records")
    }
    for run in 0..<runs {
      System.removeTree(copy)
      _ = command(["init"], copy)
      let r = command(["import", exported], copy)
      f.add(r, jsonl: true)
      CostBench.progress(
        "DECP run \(run + 1)/\(runs): ess import of the same events as JSON Lines \(CostBench.ms(r.nanos)), peak RSS \(Report.kbToMiB(r.peakKB))"
      )
    }
    for path in [decp, sirene, exported, stderr] { unlink(path) }
    System.removeTree(journal)
    System.removeTree(copy)
    return f
  }

  /// The newlines of the file at `path`, read 1 MiB at a time.
  static func lines(_ path: String) -> Int {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var count = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return count }
      for b in chunk[0..<n] where b == 0x0A { count += 1 }
    }
  }
}
