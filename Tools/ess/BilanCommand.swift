import ArgumentParser
import Service

struct BilanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bilan",
    abstract: "The bilan of a year (BILAN.md), as known today or on any past date.",
    discussion: """
      Valid time decides the year (occurredOn, Europe/Paris); --as-known-on cuts transaction time:
      only events recorded on or before that date (end of day, Europe/Paris) or instant are read,
      corrections included. The footer names the exact history read (seq and hash).

      Examples:
        ess bilan 2022
        ess bilan 2022 --as-known-on 2023-03-31 --format json
        ess bilan 2022 --format markdown --lang en > bilan-2022.md
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The year, e.g. 2022.") var year: Int
  @Option(help: "Read the journal as it was on this date (YYYY-MM-DD) or instant (RFC 3339).") var asKnownOn: String?
  @Option(help: "text (default), markdown, json or csv.") var format: Reports.BilanFormat = .text
  @Option(help: "fr (default) or en, for text, markdown and csv labels.") var lang: BilanLanguage = .fr
  @Flag(help: "Ignore the saved checkpoint and fold the whole journal from the start (audits, benchmarks).")
  var noCheckpoint = false

  func validate() throws {
    guard (1900...2100).contains(year) else { throw ValidationError("The year must be between 1900 and 2100; got \(year).") }
    if let asKnownOn, !Reports.isCut(asKnownOn) {
      throw ValidationError("--as-known-on expects a date YYYY-MM-DD or an RFC 3339 date-time with its offset; got '\(asKnownOn)'.")
    }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      print(
        try Reports.bilan(
          journal: journal.path, year: year, asKnownOn: asKnownOn, format: format, language: lang, useCheckpoint: !noCheckpoint))
    }
  }
}

extension Reports.BilanFormat: ExpressibleByArgument {}
extension Reports.HistoryFormat: ExpressibleByArgument {}
extension BilanLanguage: ExpressibleByArgument {}
