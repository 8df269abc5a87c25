import ArgumentParser
import Service

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "List events: a table on a terminal, JSON Lines with --format json (or through a pipe), or CSV.",
    discussion: """
      --from and --to filter on the valid time (occurredOn, Europe/Paris calendar), inclusive.
      --format csv is the open-data dialect (",", CRLF); csv-fr the one that
      spreadsheets in French read (";", CRLF, UTF-8 with BOM).

      Examples:
        ess log --type procurement.insertion-hours-reported --from 2022-01-01 --to 2022-12-31
        ess log --format json | jq .data
        ess log --type okote.pledge-made --format csv-fr > promesses.csv
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
    case csvFR = "csv-fr"

    var listing: Listing.Format {
      switch self {
      case .table: .table
      case .json: .jsonl
      case .csv: .csv
      case .csvFR: .csvFR
      }
    }
  }

  @OptionGroup var journal: JournalOption
  @Option(help: "Only this event type.") var type: String?
  @Option(help: "Only events that occurred on or after this date (YYYY-MM-DD).") var from: String?
  @Option(help: "Only events that occurred on or before this date (YYYY-MM-DD).") var to: String?
  @Option(help: "table, json (default: table on a terminal, json otherwise), csv (open data) or csv-fr (spreadsheets in French).")
  var format: Format?

  func validate() throws {
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, !Listing.isDate(value) {
        throw ValidationError("\(name) expects a date YYYY-MM-DD that exists; got '\(value)'.")
      }
    }
  }

  func run() throws {
    let listing = (format ?? (StandardError.standardOutputIsTerminal ? .table : .json)).listing
    let end = listing.lineEnd
    try Failure.run { () throws(ServiceError) in
      try Listing.write(journal: journal.path, format: listing, type: type, from: from, to: to) { print($0, terminator: end) }
    }
  }
}
