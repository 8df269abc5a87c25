import ArgumentParser
import Service

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "The journal as JSON Lines (re-importable, same hashes) or CSV.",
    discussion: """
      Examples:
        ess export > journal-2023.jsonl
        ess export --format csv --type okote.pledge-made > promesses.csv
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

  @OptionGroup var journal: JournalOption
  @Option(help: "jsonl (default) or csv.") var format: Format = .jsonl
  @Option(help: "Only this event type.") var type: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      try Listing.write(journal: journal.path, format: format == .csv ? .csv : .jsonl, type: type) { print($0) }
    }
  }
}
