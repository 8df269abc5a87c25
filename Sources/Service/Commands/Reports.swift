import Domain
import Journal
import Projections

/// `ess bilan` and `ess history`, rendered.
///
/// ```swift
/// print(try Reports.bilan(journal: "journal", year: 2022, asKnownOn: "2023-03-31", format: .markdown, language: .fr))
/// ```
public enum Reports {
  public enum BilanFormat: String, Sendable, CaseIterable { case text, markdown, json, csv }
  public enum HistoryFormat: String, Sendable, CaseIterable { case text, json }

  /// Whether `text` is a cut `--as-known-on` accepts (a date, or an RFC 3339 date-time with its offset).
  public static func isCut(_ text: String) -> Bool { BilanReader.cutLimit(text) != nil }

  /// The bilan of `year` (BILAN.md), as known on `asKnownOn` if given.
  /// - Parameters:
  ///   - useCheckpoint: false folds the whole journal, ignoring the saved checkpoint.
  ///   - treeSize: fold only the first `treeSize` events.
  ///   - file: also write the bilan (and its final newline) to this file.
  /// - Throws: ``ServiceError``.
  public static func bilan(
    journal: String, year: Int, asKnownOn: String? = nil, format: BilanFormat, language: BilanLanguage, useCheckpoint: Bool = true,
    treeSize: UInt64? = nil, to file: String? = nil
  ) throws(ServiceError) -> String {
    let bilan = try BilanReader(journal: journal, useCheckpoint: useCheckpoint).bilan(year: year, asKnownOn: asKnownOn, treeSize: treeSize)
    let text = render(bilan, format: format, language: language)
    if let file {
      do { try DurableFile.replace(file, with: Array((text + "\n").utf8)) } catch { throw ServiceError(error) }
    }
    return text
  }

  /// The bilan in `format`.
  static func render(_ bilan: Bilan, format: BilanFormat, language: BilanLanguage) -> String {
    switch format {
    case .json: return bilan.json
    case .csv: return bilan.csv(language: language)
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
    let done = try BilanReader(journal: journal).rebuild()
    return "Saved the bilan checkpoint at seq \(done.seq) (\(done.bytes) bytes)."
  }
}
