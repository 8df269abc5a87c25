import ArgumentParser
import Service

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "List events: a table on a terminal, JSON Lines with --format json (or through a pipe).",
    discussion: """
      --from and --to filter on the valid time (occurredOn, Europe/Paris calendar), inclusive.

      Examples:
        ess log --type procurement.insertion-hours-reported --from 2022-01-01 --to 2022-12-31
        ess log --format json | jq .data
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @OptionGroup var journal: JournalOption
  @Option(help: "Only this event type.") var type: String?
  @Option(help: "Only events that occurred on or after this date (YYYY-MM-DD).") var from: String?
  @Option(help: "Only events that occurred on or before this date (YYYY-MM-DD).") var to: String?
  @Option(help: "table or json (default: table on a terminal, json otherwise).") var format: Format?

  func validate() throws {
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, !Listing.isDate(value) {
        throw ValidationError("\(name) expects a date YYYY-MM-DD that exists; got '\(value)'.")
      }
    }
  }

  func run() throws {
    let table = (format ?? (StandardError.standardOutputIsTerminal ? .table : .json)) == .table
    try Failure.run { () throws(ServiceError) in
      try Listing.write(journal: journal.path, format: table ? .table : .jsonl, type: type, from: from, to: to) { print($0) }
    }
  }
}
