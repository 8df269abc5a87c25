import Glibc

/// Section 10, the CSV import (`ess import --from csv --type …`) against the
/// JSON Lines import of the same events, whole `ess` processes. A base of
/// 2 000 awarded contracts is imported first into each fresh journal (not
/// timed); then N insertion-hours reports on them, as a `csv-fr` table
/// (BOM, `;`, CRLF, French labels, grouped numbers) or as JSON Lines, `runs`
/// times each. Time (medians) and peak RSS (the largest run).
enum CSVImportBench {
  static let contracts = 2_000

  static func run(ess: String, dir: String, rows: Int, runs: Int, seed: UInt64) -> ImportComparison {
    var f = ImportComparison.csv()
    f.skipped = nil
    f.items = rows
    f.runs = runs
    let base = dir + "/raw-csv-base.jsonl"
    let csv = dir + "/raw-reports.csv"
    let jsonl = dir + "/raw-reports.jsonl"
    let journal = dir + "/journal-csv"
    let stderr = dir + "/raw-csv-stderr.txt"
    write(base: base, csv: csv, jsonl: jsonl, rows: rows, seed: seed)
    // Written back now, not during the first timed imports.
    for path in [base, csv, jsonl] { System.flush(path) }
    f.fileBytes = Int(System.fileSize(csv))
    f.jsonlBytes = Int(System.fileSize(jsonl))
    func command(_ arguments: [String]) -> ChildRun {
      ChildRun.run([ess] + arguments + ["--journal", journal], stdout: "/dev/null", stderr: stderr)
    }
    func fresh() {
      System.removeTree(journal)
      _ = command(["init"])
      let r = command(["import", base])
      if r.status != 0 { System.fail("ess import of the contracts' base failed (status \(r.status)); see \(stderr)") }
    }
    for run in 0..<runs {
      fresh()
      let r = command(["import", csv, "--from", "csv", "--type", "procurement.insertion-hours-reported", "--author", "bench"])
      if r.status != 0 { System.fail("ess import --from csv failed (status \(r.status)); see \(stderr)") }
      f.add(r, jsonl: false)
      CostBench.progress(
        "CSV run \(run + 1)/\(runs): ess import --from csv of \(rows) rows \(CostBench.ms(r.nanos)), peak RSS \(Report.kbToMiB(r.peakKB))")
      fresh()
      let j = command(["import", jsonl])
      if j.status != 0 { System.fail("ess import of the same events as JSON Lines failed (status \(j.status)); see \(stderr)") }
      f.add(j, jsonl: true)
      CostBench.progress(
        "CSV run \(run + 1)/\(runs): ess import of the same events as JSON Lines \(CostBench.ms(j.nanos)), peak RSS \(Report.kbToMiB(j.peakKB))"
      )
    }
    for path in [base, csv, jsonl, stderr] { unlink(path) }
    System.removeTree(journal)
    return f
  }

  /// The contracts' base, and the same reports as a `csv-fr` table and as JSON Lines.
  static func write(base: String, csv: String, jsonl: String, rows: Int, seed: UInt64) {
    var rng = seed | 1
    func next(_ bound: Int) -> Int {
      // xorshift64*: the same files for the same seed.
      rng ^= rng >> 12
      rng ^= rng << 25
      rng ^= rng >> 27
      return Int((rng &* 2_685_821_657_736_338_717) >> 33) % bound
    }
    var b = Output(base)
    for c in 0..<contracts {
      b.line(
        "{\"type\":\"procurement.contract-awarded\",\"occurredOn\":\"2020-01-01\",\"author\":\"bench\",\"data\":{\"contractId\":\"ems-\(c)\",\"title\":\"Marché \(c)\",\"buyer\":\"eurometropole\",\"awardee\":\"Attributaire \(c)\",\"amountEUR\":100000,\"socialClause\":true,\"environmentalClause\":false,\"awardeeIsESS\":true,\"awardeeIsSME\":true,\"awardeeIsLocal\":true}}\n"
      )
    }
    b.close()
    var t = Output(csv)
    t.bytes([0xEF, 0xBB, 0xBF])
    t.line("date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\r\n")
    var j = Output(jsonl)
    for _ in 0..<rows {
      let contract = next(contracts)
      let day = 1 + next(28)
      let month = 1 + next(12)
      let year = 2021 + next(3)
      let hours = 100 + next(20_000)
      let training = next(hours / 4 + 1)
      let people = 1 + next(30)
      let qpv = next(people + 1)
      let d = day < 10 ? "0\(day)" : "\(day)"
      let m = month < 10 ? "0\(month)" : "\(month)"
      // Day-first dates and a thousands space, as a spreadsheet in French writes them.
      let grouped = hours >= 1000 ? "\(hours / 1000) \(String(hours % 1000 + 1000).dropFirst())" : "\(hours)"
      t.line("\(d)/\(m)/\(year);ems-\(contract);\(grouped);\(training);\(people);\(qpv)\r\n")
      j.line(
        "{\"type\":\"procurement.insertion-hours-reported\",\"occurredOn\":\"\(year)-\(m)-\(d)\",\"author\":\"bench\",\"data\":{\"contractId\":\"ems-\(contract)\",\"insertionHours\":\(hours),\"trainingHours\":\(training),\"beneficiaries\":\(people),\"beneficiariesInQPV\":\(qpv)}}\n"
      )
    }
    t.close()
    j.close()
  }

  /// A file written through a 1 MiB buffer.
  struct Output {
    let fd: Int32
    let path: String
    var buffer: [UInt8] = []

    init(_ path: String) {
      self.path = path
      fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      if fd < 0 { System.fail("cannot write \(path)") }
      buffer.reserveCapacity(1 << 20)
    }

    mutating func line(_ s: String) { bytes(Array(s.utf8)) }

    mutating func bytes(_ b: [UInt8]) {
      buffer += b
      if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
      System.writeAll(fd, buffer[...], path)
      buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
      flush()
      _ = Glibc.close(fd)
    }
  }
}
