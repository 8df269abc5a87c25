import ArgumentParser
import Service

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Append a JSON Lines file as ONE all-or-nothing commit.",
    discussion: """
      Each line is an event envelope (EVENTS.md): type, occurredOn, author, data, and optionally
      id, source, reason, and recordedAt (legacy history only). seq, version, prev and hash are ignored.
      With --dry-run, every line is checked and every problem reported; nothing is written.

      Examples:
        ess import spaser-2022.jsonl --dry-run
        ess export --journal old | ess import - --journal new
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The file to import; - reads standard input.") var file: String
  @Flag(help: "Check every line and report all problems, without writing.") var dryRun = false

  func run() throws {
    let showProgress = StandardError.isTerminal
    let report = try Failure.value { () throws(ServiceError) in
      try Importer.run(file: file, journal: journal.path, dryRun: dryRun) { done, total in
        if showProgress && total > 4 << 20 { Progress.show(done, total) }
      }
    }
    if showProgress { Progress.clear() }
    if dryRun {
      for p in report.problems { StandardError.write(p.description + "\n") }
      print(
        "Checked \(report.lines) line(s): \(report.problems.isEmpty ? "no problem, the import would succeed" : "\(report.problems.count) problem(s), nothing would be written")."
      )
      if !report.problems.isEmpty { throw ExitCode(2) }
    } else {
      if let seqs = report.seqs, let hash = report.headHash {
        print("Imported \(report.imported) event(s) as one commit: seq \(seqs.lowerBound)…\(seqs.upperBound), head hash \(hash).")
      } else {
        print("Nothing new: every event of the file was already in the journal.")
      }
      if report.alreadyPresent > 0 { print("\(report.alreadyPresent) event(s) were already in the journal (same id and content).") }
    }
  }
}
