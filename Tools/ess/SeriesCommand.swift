import ArgumentParser
import Service

struct SeriesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "series",
    abstract: "Indicators year by year: one row per year, one column per indicator, from one pass over the journal.",
    discussion: """
      KEY is any key of the bilan (ess bilan YEAR --format csv lists them), reported.* included. Years run from --from
      (default 2010) to --to (default: the year of the last event). Examples:
        ess series procurement.insertion_hours okote.amount_eur
        ess series pole.members_at_year_end --from 2015 --to 2023 --format csv
        ess series books.collected_total --as-known-on 2023-03-31 --format json
        ess series okote.amount_eur books.donated_eur --format csv-fr > series.csv
        ess series procurement.insertion_hours okote.amount_eur --format ods -o series.ods

      --format csv is the open-data dialect (",", "." decimals, CRLF); csv-fr
      the one that spreadsheets in French read (";", decimal comma, CRLF, BOM).
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The indicators, e.g. procurement.insertion_hours.") var keys: [String]
  @Option(help: "The first year (default 2010).") var from: Int?
  @Option(help: "The last year (default: the year of the last event).") var to: Int?
  @Option(help: "Read the journal as it was on this date (YYYY-MM-DD) or instant (RFC 3339).") var asKnownOn: String?
  @Option(help: "text (default), markdown, json, csv (open data), csv-fr (spreadsheets in French), xlsx or ods (need -o).")
  var format: Reports.SeriesFormat = .text
  @Option(name: [.customShort("o"), .long], help: "For --format xlsx or ods: the file to write.") var output: String?
  @Option(help: "fr (default) or en, for text and markdown labels.") var lang: BilanLanguage = .fr

  func validate() throws {
    guard !keys.isEmpty else { throw ValidationError("Name at least one indicator, e.g. procurement.insertion_hours.") }
    for y in [from, to].compactMap({ $0 }) where !(1900...2100).contains(y) {
      throw ValidationError("Years must be between 1900 and 2100; got \(y).")
    }
    if format.spreadsheet != nil && output == nil {
      throw ValidationError("An \(format.rawValue.uppercased()) file is binary: give -o FILE.")
    }
    if format.spreadsheet == nil && output != nil {
      throw ValidationError("-o FILE is for --format xlsx or ods; the other formats are printed (redirect them: > FILE).")
    }
    if let asKnownOn, !Reports.isCut(asKnownOn) {
      throw ValidationError("--as-known-on expects a date YYYY-MM-DD or an RFC 3339 date-time with its offset; got '\(asKnownOn)'.")
    }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      if let spreadsheet = format.spreadsheet, let output {
        try Reports.seriesSpreadsheet(
          journal: journal.path, keys: keys, from: from, to: to, asKnownOn: asKnownOn, format: spreadsheet, file: output)
        print("Wrote \(output) (\(spreadsheet.rawValue.uppercased())).")
        return
      }
      print(
        try Reports.series(journal: journal.path, keys: keys, from: from, to: to, asKnownOn: asKnownOn, format: format, language: lang),
        terminator: format.lineEnd)
    }
  }
}

extension Reports.SeriesFormat: ExpressibleByArgument {}
