import ArgumentParser
import Service

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "The journal as JSON Lines (re-importable, same hashes) or CSV, or its subsidies as SCDL.",
    discussion: """
      --format csv is the open-data dialect (",", CRLF, UTF-8 without BOM);
      csv-fr is for LibreOffice or Excel in French (";", CRLF, UTF-8 with BOM,
      text that a spreadsheet would run prefixed with ').
      --format scdl-subventions writes the subsidies as they count now
      (corrections applied) in the SCDL "subventions" schema of the open-data
      portals.

      Examples:
        ess export > journal-2023.jsonl
        ess export --format csv --type okote.pledge-made > promesses.csv
        ess export --format csv-fr --type okote.pledge-made > tableur.csv
        ess export --format scdl-subventions > subventions.csv
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
    case csvFR = "csv-fr"
    case scdlSubventions = "scdl-subventions"

    var listing: Listing.Format? {
      switch self {
      case .jsonl: .jsonl
      case .csv: .csv
      case .csvFR: .csvFR
      case .scdlSubventions: nil
      }
    }
  }

  @OptionGroup var journal: JournalOption
  @Option(help: "jsonl (default), csv (open data), csv-fr (spreadsheets in French) or scdl-subventions.")
  var format: Format = .jsonl
  @Option(help: "Only this event type.") var type: String?

  func validate() throws {
    if format == .scdlSubventions && type != nil {
      throw ValidationError("--format scdl-subventions exports the subsidy.granted events only; leave out --type.")
    }
  }

  func run() throws {
    guard let listing = format.listing else {
      let out = try Failure.value { () throws(ServiceError) in try SCDLExport.csv(journal: journal.path) }
      StandardOutput.write(Array(out.text.utf8))
      if !out.incomplete.isEmpty {
        StandardError.write(
          "ess: \(out.incomplete.count) subsid\(out.incomplete.count == 1 ? "y lacks" : "ies lack") notificationUE or pourcentageSubvention, which the SCDL schema requires (seq \(out.incomplete.map(String.init).joined(separator: ", "))): correct them (ess correct SEQ euNotified=… shareOfCost=…) before publishing.\n"
        )
      }
      return
    }
    let end = listing.lineEnd
    try Failure.run { () throws(ServiceError) in
      try Listing.write(journal: journal.path, format: listing, type: type) { print($0, terminator: end) }
    }
  }
}
