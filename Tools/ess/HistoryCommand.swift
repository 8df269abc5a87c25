import ArgumentParser
import Service

struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "How one indicator of one year evolved along transaction time, and why.",
    discussion: """
      Each change gives the new value, the previous one, and the event that caused it
      (seq, type, author, source, reason). The last value equals 'ess bilan YEAR'.

      Examples:
        ess history procurement.insertion_hours --year 2022
        ess history books.donated_eur --year 2022 --format json
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The indicator's key, e.g. procurement.insertion_hours.") var key: String
  @Option(help: "The year.") var year: Int
  @Option(help: "text (default) or json.") var format: Reports.HistoryFormat = .text
  @Option(help: "fr (default) or en.") var lang: BilanLanguage = .fr

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      print(try Reports.history(journal: journal.path, key: key, year: year, format: format, language: lang))
    }
  }
}
