import ArgumentParser
import Glibc
import Service

/// The formats `ess import` reads (`--from`).
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
  case jsonl, decp
}

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Append a JSON Lines file (or a DECP file, --from decp) as ONE all-or-nothing commit.",
    discussion: """
      Each line is an event envelope (EVENTS.md): type, occurredOn, author, data, and optionally
      id, source, reason, and recordedAt (legacy history only). seq, version, prev and hash are ignored.
      With --dry-run, every line is checked and every problem reported; nothing is written.

      --from decp reads the DECP (données essentielles de la commande publique) of the Ville and the
      Eurométropole: v2 JSON or XML, or v1.5 JSON, told from the content (FORMATS.md §1). Each contract
      becomes a procurement.contract-awarded event whose id is made from its uid, so importing a file
      again adds nothing. DECP does not say whether an awardee is ESS, an SME or local: give a SIRENE
      extract (--sirene) or a side file keyed by uid (--side); a record they do not cover is refused.

      Examples:
        ess import spaser-2022.jsonl --dry-run
        ess export --journal old | ess import - --journal new
        ess import decp-2024.json --from decp --sirene sirene-67.csv --side decp-complements.csv --author c.muller
        ess import decp-2024.xml --from decp --buyer-map 200067213=skip --as-correction --author c.muller
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The file to import; - reads standard input.") var file: String
  @Option(help: "The file's format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var from: ImportFormat = .jsonl
  @Flag(help: "Check every line and report all problems, without writing.") var dryRun = false
  @Option(help: "DECP: who imports (default: $ESS_AUTHOR).") var author: String?
  @Option(
    help: ArgumentHelp(
      "DECP: what the records of a buyer become, beside the Ville's (216704825) and the Eurométropole's (246700488).",
      valueName: "SIREN=ville|eurometropole|skip")) var buyerMap: [String] = []
  @Option(help: ArgumentHelp("DECP: a SIRENE extract (CSV) giving awardees' names and ESS, SME and local flags.", valueName: "FILE"))
  var sirene: String?
  @Option(help: ArgumentHelp("DECP: a CSV keyed by uid giving flags DECP lacks (awardeeIsESS, awardeeIsSME, …).", valueName: "FILE"))
  var side: String?
  @Flag(help: "DECP: record a republished record as a correction of the event imported before.") var asCorrection = false

  var resolvedAuthor: String? {
    if let author { return author }
    guard let env = getenv("ESS_AUTHOR").map({ String(cString: $0) }), !env.isEmpty else { return nil }
    return env
  }

  func validate() throws {
    guard from == .decp else {
      if author != nil || !buyerMap.isEmpty || sirene != nil || side != nil || asCorrection {
        throw ValidationError("--author, --buyer-map, --sirene, --side and --as-correction are for --from decp.")
      }
      return
    }
    if file == "-" { throw ValidationError("--from decp reads a file, not standard input: name the DECP file.") }
    if resolvedAuthor == nil { throw ValidationError("Say who imports with --author NAME (or set ESS_AUTHOR).") }
    for value in buyerMap where DECPImport.buyerMapping(value) == nil {
      throw ValidationError(
        "--buyer-map '\(value)' is not SIREN=ville, SIREN=eurometropole or SIREN=skip (a SIREN is 9 digits), e.g. --buyer-map 200067213=skip."
      )
    }
  }

  func run() throws {
    if from == .decp { return try runDECP() }
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

  func runDECP() throws {
    var options = DECPImport.Options(author: resolvedAuthor!)
    for value in buyerMap {
      if let (siren, choice) = DECPImport.buyerMapping(value) { options.buyerMap[siren] = choice }
    }
    options.sirene = sirene
    options.side = side
    options.asCorrection = asCorrection
    let report = try Failure.value { () throws(ServiceError) in
      try DECPImport.run(file: file, journal: journal.path, options: options, dryRun: dryRun)
    }
    for p in report.problems { StandardError.write(p.description + "\n") }
    for line in report.summary(dryRun: dryRun) { print(line) }
    if dryRun && !report.problems.isEmpty { throw ExitCode(2) }
  }
}
