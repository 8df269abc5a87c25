import ArgumentParser
import Glibc
import Service

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Append a file of events (JSON Lines, a table of one type, DECP or SCDL) as ONE all-or-nothing commit.",
    discussion: """
      JSON Lines (the default, --from jsonl): each line is an event envelope (EVENTS.md):
      type, occurredOn, author, data, and optionally id, source, reason, and recordedAt
      (legacy history only). seq, version, prev and hash are ignored.

      A table (--from csv|xlsx|ods --type TYPE): each row is one event of TYPE. The
      header names its fields, by name or French label ('ess template TYPE' writes an
      empty one), and optionally 'date', 'id', 'source' and 'author' (else --occurred-on,
      --author, --source). CSV: the separator, ';' or ',', is the header line's; UTF-8
      unless --encoding windows-1252; numbers 1 234,5 or 1234.5; dates AAAA-MM-JJ,
      AAAA/MM/JJ or JJ/MM/AAAA (day first); booleans oui/non. A spreadsheet: its first
      sheet, cells typed as the program stored them.

      --from decp reads the DECP (données essentielles de la commande publique) of the
      Ville and the Eurométropole: v2 JSON or XML, or v1.5 JSON, told from the content
      (FORMATS.md §1). Each contract becomes a procurement.contract-awarded event whose
      id is made from its uid, so importing a file again adds nothing. DECP does not say
      whether an awardee is ESS, an SME or local: give a SIRENE extract (--sirene) or a
      side file keyed by uid (--side); a record they do not cover is refused.

      --from scdl-subventions reads the SCDL "subventions" CSV the city publishes: each
      row becomes a subsidy.granted event (FORMATS.md §5).

      With --dry-run, every line, row or record is checked and every problem reported;
      nothing is written.

      Examples:
        ess import spaser-2022.jsonl --dry-run
        ess export --journal old | ess import - --journal new
        ess import heures-2022.csv --from csv --type procurement.insertion-hours-reported --author l.weber --dry-run
        ess import heures-2022.xlsx --from xlsx --type procurement.insertion-hours-reported --author l.weber
        ess import decp-2024.json --from decp --sirene sirene-67.csv --side decp-complements.csv --author c.muller
        ess import subventions-2022.csv --from scdl-subventions --author c.muller
      """)

  /// The formats `ess import` reads.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, xlsx, ods, decp
    case scdlSubventions = "scdl-subventions"

    /// Whether the file is a table of one event type (`--type`).
    var isTable: Bool { self == .csv || self == .xlsx || self == .ods }
  }

  @OptionGroup var journal: JournalOption
  @Argument(help: "The file to import; - reads standard input (JSON Lines, CSV, SCDL).") var file: String
  @Option(help: "The file's format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var from: Format = .jsonl
  @Option(help: "A table: the event type of every row, e.g. procurement.insertion-hours-reported.") var type: String?
  @Option(help: "CSV, SCDL: the file's encoding (default: utf-8).") var encoding: TextEncoding?
  @Option(help: "A table: the decimal mark, when a number holds both ',' and '.'.") var decimal: DecimalMark?
  @Option(help: "A table: the date of rows without a 'date' cell (AAAA-MM-JJ).") var occurredOn: String?
  @Option(help: "A table, DECP, SCDL: who vouches for the events (default: $ESS_AUTHOR).") var author: String?
  @Option(help: "A table: the provenance of rows without a 'source' cell, e.g. \"rapport SPASER 2022\".") var source: String?
  @Option(
    help: ArgumentHelp(
      "DECP: what the records of a buyer become, beside the Ville's (216704825) and the Eurométropole's (246700488).",
      valueName: "SIREN=ville|eurometropole|skip")) var buyerMap: [String] = []
  @Option(help: ArgumentHelp("DECP: a SIRENE extract (CSV) giving awardees' names and ESS, SME and local flags.", valueName: "FILE"))
  var sirene: String?
  @Option(help: ArgumentHelp("DECP: a CSV keyed by uid giving flags DECP lacks (awardeeIsESS, awardeeIsSME, …).", valueName: "FILE"))
  var side: String?
  @Flag(help: "DECP: record a republished record as a correction of the event imported before.") var asCorrection = false
  @Flag(help: "Check every line, row or record and report all problems, without writing.") var dryRun = false

  var resolvedAuthor: String? {
    if let author { return author }
    guard let env = getenv("ESS_AUTHOR").map({ String(cString: $0) }), !env.isEmpty else { return nil }
    return env
  }

  func validate() throws {
    func refuse(_ options: [(String, Bool)], unless allowed: Bool, _ why: String) throws {
      if !allowed, let first = options.first(where: \.1)?.0 { throw ValidationError("\(first) \(why)") }
    }
    try refuse(
      [("--type", type != nil), ("--decimal", decimal != nil), ("--occurred-on", occurredOn != nil), ("--source", source != nil)],
      unless: from.isTable, "applies to a table (--from csv, xlsx or ods).")
    try refuse(
      [("--encoding", encoding != nil)], unless: from == .csv || from == .scdlSubventions,
      "applies to CSV (--from csv or scdl-subventions).")
    try refuse(
      [("--buyer-map", !buyerMap.isEmpty), ("--sirene", sirene != nil), ("--side", side != nil), ("--as-correction", asCorrection)],
      unless: from == .decp, "is for --from decp.")
    try refuse([("--author", author != nil)], unless: from != .jsonl, "applies to other formats; a JSON Lines file gives it on each line.")
    if from.isTable && type == nil { throw ValidationError("--from \(from.rawValue) needs --type TYPE: the event type of every row.") }
    if from != .jsonl && from != .csv && from != .scdlSubventions && file == "-" {
      throw ValidationError("--from \(from.rawValue) reads a file, not standard input: name the file.")
    }
    if (from == .decp || from == .scdlSubventions) && resolvedAuthor == nil {
      throw ValidationError("Say who imports with --author NAME (or set ESS_AUTHOR).")
    }
    for value in buyerMap where DECPImport.buyerMapping(value) == nil {
      throw ValidationError(
        "--buyer-map '\(value)' is not SIREN=ville, SIREN=eurometropole or SIREN=skip (a SIREN is 9 digits), e.g. --buyer-map 200067213=skip."
      )
    }
  }

  func run() throws {
    if from == .decp { return try runDECP() }
    let showProgress = StandardError.isTerminal
    let report = try Failure.value { () throws(ServiceError) -> Importer.Report in
      switch from {
      case .jsonl:
        return try Importer.run(file: file, journal: journal.path, dryRun: dryRun) { done, total in
          if showProgress && total > 4 << 20 { Progress.show(done, total) }
        }
      case .csv:
        return try TableImport.importCSV(file: file, type: type!, options: tableOptions, journal: journal.path, dryRun: dryRun) {
          done, total in
          if showProgress { Progress.show(done, total) }
        }
      case .xlsx, .ods:
        return try TableImport.importSpreadsheet(
          file: file, format: from == .xlsx ? .xlsx : .ods, type: type!, options: tableOptions, journal: journal.path, dryRun: dryRun)
      case .scdlSubventions:
        return try SCDLImport.run(
          file: file, journal: journal.path, author: resolvedAuthor!, encoding: encoding ?? .utf8, dryRun: dryRun)
      case .decp:
        preconditionFailure("DECP is imported by runDECP()")
      }
    }
    if showProgress { Progress.clear() }
    let unit = from == .jsonl ? "line(s)" : "row(s)"
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
    TableImport.Options(encoding: encoding ?? .utf8, decimal: decimal, occurredOn: occurredOn, author: resolvedAuthor, source: source)
  }

  func runDECP() throws {
    var options = DECPImport.Options(author: resolvedAuthor!)
    for value in buyerMap {
      if let (siren, choice) = DECPImport.buyerMapping(value) { options.buyerMap[siren] = choice }
    }
    options.sirene = sirene
    options.side = side
    options.asCorrection = asCorrection
    let showProgress = StandardError.isTerminal
    let report = try Failure.value { () throws(ServiceError) in
      try DECPImport.run(file: file, journal: journal.path, options: options, dryRun: dryRun) { done, total in
        if showProgress { Progress.show(done, total) }
      }
    }
    if showProgress { Progress.clear() }
    for p in report.problems { StandardError.write(p.description + "\n") }
    for line in report.summary(dryRun: dryRun) { print(line) }
    if dryRun && !report.problems.isEmpty { throw ExitCode(2) }
  }
}

extension TextEncoding: ExpressibleByArgument {}
extension DecimalMark: ExpressibleByArgument {}
