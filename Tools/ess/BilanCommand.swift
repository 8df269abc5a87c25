import ArgumentParser
import Journal
import Projections

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

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }
  enum Language: String, ExpressibleByArgument, CaseIterable { case fr, en }

  @OptionGroup var journal: JournalOption
  @Argument(help: "The year, e.g. 2022.") var year: Int
  @Option(help: "Read the journal as it was on this date (YYYY-MM-DD) or instant (RFC 3339).") var asKnownOn: String?
  @Option(help: "text (default), markdown, json or csv.") var format: Format = .text
  @Option(help: "fr (default) or en, for text, markdown and csv labels.") var lang: Language = .fr
  @Flag(help: "Ignore the saved checkpoint and fold the whole journal from the start (audits, benchmarks).")
  var noCheckpoint = false

  func validate() throws {
    guard (1900...2100).contains(year) else { throw ValidationError("The year must be between 1900 and 2100; got \(year).") }
    if let asKnownOn, BilanReader.cutLimit(asKnownOn) == nil {
      throw ValidationError("--as-known-on expects a date YYYY-MM-DD or an RFC 3339 date-time with its offset; got '\(asKnownOn)'.")
    }
  }

  func run() throws {
    try Failure.run {
      let bilan = try BilanReader(journal: journal.path, useCheckpoint: !noCheckpoint).bilan(year: year, asKnownOn: asKnownOn)
      let language: BilanLanguage = lang == .fr ? .fr : .en
      switch format {
      case .json: print(bilan.json)
      case .csv: print(bilan.csv(language: language))
      case .text: print(bilan.text(language: language, markdown: false))
      case .markdown: print(bilan.text(language: language, markdown: true))
      }
    }
  }
}

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "How one indicator of one year evolved along transaction time, and why.",
    discussion: """
      Each change gives the new value, the previous one, and the event that caused it
      (seq, type, author, source, reason). The last value equals 'ess bilan YEAR'.

      Examples:
        ess history procurement.insertion_hours --year 2022
        ess history books.donated_eur --year 2022 --format json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @OptionGroup var journal: JournalOption
  @Argument(help: "The indicator's key, e.g. procurement.insertion_hours.") var key: String
  @Option(help: "The year.") var year: Int
  @Option(help: "text (default) or json.") var format: Format = .text
  @Option(help: "fr (default) or en.") var lang: BilanCommand.Language = .fr

  func run() throws {
    try Failure.run {
      let h = try IndicatorHistory.read(journal: journal.path, key: key, year: year)
      print(format == .json ? h.json : h.text(language: lang == .fr ? .fr : .en))
    }
  }
}

struct Rebuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rebuild the bilan checkpoint: fold the whole journal and save the state at its head.",
    discussion: """
      Bilans then fold only the events recorded after it. A checkpoint is a cache: if it is damaged,
      of another version of ess, or of another history, it is ignored (and rebuilt by this command).

      Example: ess rebuild --journal /srv/ess/journal
      """)

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run {
      let done = try BilanReader(journal: journal.path).rebuild()
      print("Saved the bilan checkpoint at seq \(done.seq) (\(done.bytes) bytes).")
    }
  }
}
