import Domain
import Journal
import Projections

extension Reports {
  public enum SeriesFormat: String, Sendable, CaseIterable {
    case text, markdown, json, csv
    /// CSV for spreadsheets in French (FORMATS.md §2).
    case csvFR = "csv-fr"
    case xlsx, ods

    /// What ends the last line of the output: CRLF for CSV, `\n` otherwise.
    public var lineEnd: String { self == .csv || self == .csvFR ? CSVDialect.lineEnd : "\n" }
  }

  /// The first year of a series by default: the Conseil de l'ESS was set up in 2010, where the bundled history starts.
  public static let seriesStart = 2010

  /// Indicators `keys` year by year, from `from` (default 2010) to `to` (default: the year of the last event
  /// read), as known on `asKnownOn`: one fold of the journal, whatever the number of years.
  /// - Throws: ``ServiceError`` `.badInput` for a key that is no indicator, or years out of order.
  public static func series(
    journal: String, keys: [String], from: Int? = nil, to: Int? = nil, asKnownOn: String? = nil, format: SeriesFormat,
    language: BilanLanguage
  ) throws(ServiceError) -> String {
    if let spreadsheet = format.spreadsheet {
      throw ServiceError(.badInput, "An \(spreadsheet.name) series is a binary file: give -o FILE.")
    }
    return render(try series(journal: journal, keys: keys, from: from, to: to, asKnownOn: asKnownOn), format: format, language: language)
  }

  /// The series itself (see ``series(journal:keys:from:to:asKnownOn:format:language:)``).
  public static func series(
    journal: String, keys: [String], from: Int? = nil, to: Int? = nil, asKnownOn: String? = nil, useCheckpoint: Bool = true
  ) throws(ServiceError) -> Series {
    for key in keys where !key.hasPrefix("reported.") && !BilanReader.isIndicatorKey(key) {
      throw ServiceError(
        .badInput,
        "'\(key)' is not an indicator of the bilan; 'ess bilan YEAR --format csv' lists the keys (reported figures are reported.<indicator>).",
        at: .init(field: "KEY"))
    }
    let reader = try BilanReader(journal: journal, useCheckpoint: useCheckpoint)
    let limit = try BilanReader.limit(asKnownOn)
    let state = try reader.state(recordedBefore: limit)
    let lastYear = state.last.flatMap { DomainYears.year($0.occurredOnBytes) }
    let first = from ?? seriesStart
    let last = to ?? max(first, lastYear ?? first)
    guard first <= last else { throw ServiceError(.badInput, "--from \(first) comes after --to \(last).", at: .init(field: "from")) }
    return Series(state.figures, keys: keys, years: first...last, asKnownOn: asKnownOn, journalSeq: state.seq, journalHash: state.hash)
  }

  static func render(_ series: Series, format: SeriesFormat, language: BilanLanguage) -> String {
    switch format {
    case .json: series.json
    case .csv: series.csv(language: language, dialect: .openData)
    case .csvFR: series.csv(language: language, dialect: .spreadsheetFR)
    case .text: series.text(language: language, markdown: false)
    case .markdown: series.text(language: language, markdown: true)
    case .xlsx, .ods: preconditionFailure("spreadsheets are written to a file by seriesSpreadsheet, not rendered as text")
    }
  }
}
