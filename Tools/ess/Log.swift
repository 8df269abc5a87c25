import ArgumentParser
import Catalog
import Journal

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
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
      if let value, CivilDate(iso: value) == nil {
        throw ValidationError("\(name) expects a date YYYY-MM-DD that exists; got '\(value)'.")
      }
    }
  }

  func run() throws {
    try Failure.run {
      let filter = EventFilter(type: type, from: from.flatMap { CivilDate(iso: $0) }, to: to.flatMap { CivilDate(iso: $0) })
      let table = (format ?? (Terminal.stdoutIsTerminal ? .table : .json)) == .table
      if table { print(EventTable.header) }
      try filter.forEach(in: journal.path) { print(table ? EventTable.row($0) : $0.line) }
    }
  }
}

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show one event, whole, with the corrections and retractions that apply to it.",
    discussion: "Examples:\n  ess show 812\n  ess show 6f1c2b1e-8a8e-4c55-9c3b-2a77d7c0b8e1")

  @OptionGroup var journal: JournalOption
  @Argument(help: "The event's seq or id.") var key: String

  func run() throws {
    try Failure.run { print(try EventDetails.load(journal: journal.path, key: key).text) }
  }
}

struct Types: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The event catalog: types, fields and rules.",
    discussion: "Examples:\n  ess types\n  ess types okote.pledge-made")

  @Argument(help: "A type to describe in full.") var type: String?

  func run() throws {
    try Failure.run { print(try type.map { try CatalogText.describe($0) } ?? CatalogText.list()) }
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
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
    try Failure.run {
      if format == .csv { print(EventCSV.header) }
      try EventFilter(type: type).forEach(in: journal.path) { print(format == .csv ? EventCSV.row($0) : $0.line) }
    }
  }
}
