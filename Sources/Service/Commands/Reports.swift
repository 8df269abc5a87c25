import Domain
import Journal
import Projections

/// `ess bilan` and `ess history`, rendered.
///
/// ```swift
/// print(try Reports.bilan(journal: "journal", year: 2022, asKnownOn: "2023-03-31", format: .markdown, language: .fr))
/// ```
public enum Reports {
  public enum BilanFormat: String, Sendable, CaseIterable {
    case text, markdown, json, csv
    /// CSV for spreadsheets in French (FORMATS.md §2).
    case csvFR = "csv-fr"
    case html, pdf, xlsx, ods

    /// The CSV dialect of this format, if it is one.
    public var dialect: CSVDialect? {
      switch self {
      case .csv: .openData
      case .csvFR: .spreadsheetFR
      default: nil
      }
    }

    /// What ends the last line of the output (the text a report returns lacks it): CRLF for CSV, `\n` otherwise.
    public var lineEnd: String { dialect == nil ? "\n" : CSVDialect.lineEnd }
  }
  public enum HistoryFormat: String, Sendable, CaseIterable { case text, json }

  /// Whether `text` is a cut `--as-known-on` accepts (a date, or an RFC 3339 date-time with its offset).
  public static func isCut(_ text: String) -> Bool { BilanReader.cutLimit(text) != nil }

  /// The bilan of `year` (BILAN.md), as known on `asKnownOn` if given.
  /// - Parameters:
  ///   - useCheckpoint: false folds the whole journal, ignoring the saved checkpoint.
  ///   - treeSize: fold only the first `treeSize` events.
  ///   - file: also write the bilan (and its final line end, ``BilanFormat/lineEnd``) to this file.
  /// - Throws: ``ServiceError``.
  public static func bilan(
    journal: String, year: Int, asKnownOn: String? = nil, format: BilanFormat, language: BilanLanguage, useCheckpoint: Bool = true,
    treeSize: UInt64? = nil, to file: String? = nil, template: String? = nil, command: String = "ess bilan"
  ) throws(ServiceError) -> String {
    if format == .pdf {
      guard let file else { throw ServiceError(.badInput, "A PDF is written to a file: give -o FILE.") }
      let html = try output(
        journal: journal, year: year, asKnownOn: asKnownOn, format: .html, language: language, useCheckpoint: useCheckpoint,
        treeSize: treeSize, template: template, command: command.replacing("--format pdf", with: "--format pdf -o FILE")
      ).text
      try PDFPrinter.print(html, to: file)
      return ""
    }
    if let spreadsheet = format.spreadsheet {
      guard let file else { throw ServiceError(.badInput, "An \(spreadsheet.name) bilan is a binary file: give -o FILE.") }
      try bilanSpreadsheet(
        journal: journal, year: year, asKnownOn: asKnownOn, format: spreadsheet, language: language, useCheckpoint: useCheckpoint,
        treeSize: treeSize, to: file)
      return ""
    }
    let text = try output(
      journal: journal, year: year, asKnownOn: asKnownOn, format: format, language: language, useCheckpoint: useCheckpoint,
      treeSize: treeSize, template: template, command: command
    ).text
    if let file {
      do { try DurableFile.replace(file, with: Array((text + format.lineEnd).utf8)) } catch { throw ServiceError(error) }
    }
    return text
  }

  /// The bilan in `format`, and the bilan itself.
  static func output(
    journal: String, year: Int, asKnownOn: String?, format: BilanFormat, language: BilanLanguage, useCheckpoint: Bool = true,
    treeSize: UInt64?, template: String? = nil, command: String = "ess bilan"
  ) throws(ServiceError) -> (text: String, bilan: Bilan) {
    if format == .html {
      let (html, bilan) = try page(
        journal: journal, year: year, asKnownOn: asKnownOn, language: language, treeSize: treeSize, template: template, command: command)
      return (html, bilan)
    }
    let bilan = try BilanReader(journal: journal, useCheckpoint: useCheckpoint).bilan(year: year, asKnownOn: asKnownOn, treeSize: treeSize)
    return (render(bilan, format: format, language: language), bilan)
  }

  /// The bilan in a text `format` (HTML needs the whole journal: ``bilanHTML(journal:year:asKnownOn:language:treeSize:template:command:)``).
  static func render(_ bilan: Bilan, format: BilanFormat, language: BilanLanguage) -> String {
    switch format {
    case .html, .pdf: preconditionFailure("HTML and PDF are rendered from the journal, not from a bilan alone")
    case .xlsx, .ods: preconditionFailure("spreadsheets are written to a file by bilanSpreadsheet, not rendered as text")
    case .json: return bilan.json
    case .csv: return bilan.csv(language: language, dialect: .openData)
    case .csvFR: return bilan.csv(language: language, dialect: .spreadsheetFR)
    case .text: return bilan.text(language: language, markdown: false)
    case .markdown: return bilan.text(language: language, markdown: true)
    }
  }

  /// How indicator `key` of `year` evolved, and why.
  /// - Throws: ``ServiceError``, `.badInput` for a key that is no indicator.
  public static func history(journal: String, key: String, year: Int, format: HistoryFormat, language: BilanLanguage) throws(ServiceError)
    -> String
  {
    let h = try BilanReader(journal: journal).history(key: key, year: year)
    return format == .json ? h.json : h.text(language: language)
  }

  /// Rebuilds the bilan checkpoint; says what was saved.
  /// - Throws: ``ServiceError``.
  public static func rebuild(journal: String) throws(ServiceError) -> String {
    let indexes = try Ledger(journal: journal).rebuildIndexes()
    let done = try BilanReader(journal: journal).rebuild()
    return """
      Saved the bilan checkpoint at seq \(done.seq) (\(done.bytes) bytes).
      Rebuilt the integrity index at seq \(indexes.seq) and the frame index of every segment (\(indexes.frames) frames).
      """
  }
}
