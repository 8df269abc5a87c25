import ArgumentParser
import Glibc
import Service

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Append a file of events (JSON Lines, or a CSV table of one type) as ONE all-or-nothing commit.",
    discussion: """
      JSON Lines (the default, --from jsonl): each line is an event envelope (EVENTS.md):
      type, occurredOn, author, data, and optionally id, source, reason, and recordedAt
      (legacy history only). seq, version, prev and hash are ignored.
      CSV (--from csv --type TYPE): each row is one event of TYPE. The header names its
      fields, by name or French label ('ess template TYPE --format csv-fr' writes an
      empty one), and optionally 'date', 'id', 'source' and 'author' (else --occurred-on,
      --author, --source). The separator, ';' or ',', is the header line's; UTF-8 unless
      --encoding windows-1252; numbers 1 234,5 or 1234.5; dates AAAA-MM-JJ, AAAA/MM/JJ
      or JJ/MM/AAAA (day first); booleans oui/non.
      With --dry-run, every line (or row) is checked and every problem reported; nothing
      is written.

      Examples:
        ess import spaser-2022.jsonl --dry-run
        ess export --journal old | ess import - --journal new
        ess import --from csv heures-2022.csv --type procurement.insertion-hours-reported --author l.weber --dry-run
      """)

  /// The formats `ess import` reads.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case csv

    /// Whether the file is a table of one event type (`--type`).
    var isTable: Bool { self != .jsonl }
  }

  @OptionGroup var journal: JournalOption
  @Argument(help: "The file to import; - reads standard input.") var file: String
  @Option(help: "The file's format.") var from: Format = .jsonl
  @Option(help: "CSV: the event type of every row, e.g. procurement.insertion-hours-reported.") var type: String?
  @Option(help: "CSV: the file's encoding (default: utf-8).") var encoding: TextEncoding?
  @Option(help: "CSV: the decimal mark, when a number holds both ',' and '.'.") var decimal: DecimalMark?
  @Option(help: "CSV: the date of rows without a 'date' cell (AAAA-MM-JJ).") var occurredOn: String?
  @Option(help: "CSV: who vouches for rows without an 'author' cell (default: $ESS_AUTHOR).") var author: String?
  @Option(help: "CSV: the provenance of rows without a 'source' cell, e.g. \"rapport SPASER 2022\".") var source: String?
  @Flag(help: "Check every line and report all problems, without writing.") var dryRun = false

  func validate() throws {
    if from.isTable {
      guard type != nil else { throw ValidationError("--from \(from.rawValue) needs --type TYPE: the event type of every row.") }
    } else {
      let given = [
        ("--type", type != nil), ("--encoding", encoding != nil), ("--decimal", decimal != nil), ("--occurred-on", occurredOn != nil),
        ("--author", author != nil), ("--source", source != nil),
      ].filter { $0.1 }.map { $0.0 }
      if let first = given.first {
        throw ValidationError("\(first) applies to a table (--from csv); a JSON Lines file gives it on each line.")
      }
    }
  }

  func run() throws {
    let showProgress = StandardError.isTerminal
    let report = try Failure.value { () throws(ServiceError) -> Importer.Report in
      switch from {
      case .jsonl:
        return try Importer.run(file: file, journal: journal.path, dryRun: dryRun) { done, total in
          if showProgress && total > 4 << 20 { Progress.show(done, total) }
        }
      case .csv:
        return try TableImport.importCSV(file: file, type: type!, options: tableOptions, journal: journal.path, dryRun: dryRun)
      }
    }
    if showProgress { Progress.clear() }
    let unit = from.isTable ? "row(s)" : "line(s)"
    if dryRun {
      for p in report.problems { StandardError.write(p.description + "\n") }
      print(
        "Checked \(report.lines) \(unit): \(report.problems.isEmpty ? "no problem, the import would succeed" : "\(report.problems.count) problem(s), nothing would be written")."
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

  /// The options of a table import; the author from $ESS_AUTHOR when not given.
  var tableOptions: TableImport.Options {
    let env = getenv("ESS_AUTHOR").map { String(cString: $0) }
    return TableImport.Options(
      encoding: encoding ?? .utf8, decimal: decimal, occurredOn: occurredOn, author: author ?? (env?.isEmpty == false ? env : nil),
      source: source)
  }
}

extension TextEncoding: ExpressibleByArgument {}
extension DecimalMark: ExpressibleByArgument {}
