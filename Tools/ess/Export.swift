import ArgumentParser
import Service

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "The journal as JSON Lines (re-importable, same hashes) or CSV.",
    discussion: """
      --format csv is the open-data dialect (",", CRLF, UTF-8 without BOM);
      csv-fr is for LibreOffice or Excel in French (";", CRLF, UTF-8 with BOM,
      text that a spreadsheet would run prefixed with ').

      Examples:
        ess export > journal-2023.jsonl
        ess export --format csv --type okote.pledge-made > promesses.csv
        ess export --format csv-fr --type okote.pledge-made > tableur.csv
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
    case csvFR = "csv-fr"

    var listing: Listing.Format {
      switch self {
      case .jsonl: .jsonl
      case .csv: .csv
      case .csvFR: .csvFR
      }
    }
  }

  @OptionGroup var journal: JournalOption
  @Option(help: "jsonl (default), csv (open data) or csv-fr (spreadsheets in French).") var format: Format = .jsonl
  @Option(help: "Only this event type.") var type: String?

  func run() throws {
    let end = format.listing.lineEnd
    try Failure.run { () throws(ServiceError) in
      try Listing.write(journal: journal.path, format: format.listing, type: type) { print($0, terminator: end) }
    }
  }
}
