import Domain
import Glibc
import Journal
import Projections

extension Reports {
  /// What ``dataPackage(journal:years:asKnownOn:format:language:useCheckpoint:to:)`` wrote.
  public struct DataPackageWritten: Sendable, Equatable {
    /// The CSV file and datapackage.json, as paths under the folder given.
    public var csv: String
    public var package: String
    public var rows: Int
  }

  /// The open-data bilans of `years` as one long table (``LongBilan``), as known on `asKnownOn`: one fold of the
  /// journal, whatever the number of years.
  ///
  /// ```swift
  /// let table = try Reports.longBilan(journal: "journal", years: 2010...2023)
  /// print(table.csv(dialect: .openData))
  /// ```
  /// - Throws: ``ServiceError``: a cut that is neither a date nor a date-time; a journal that cannot be read.
  public static func longBilan(
    journal: String, years: ClosedRange<Int>, asKnownOn: String? = nil, language: BilanLanguage = .fr, useCheckpoint: Bool = true
  ) throws(ServiceError) -> LongBilan {
    let reader = try BilanReader(journal: journal, useCheckpoint: useCheckpoint)
    let state = try reader.state(recordedBefore: try BilanReader.limit(asKnownOn))
    let bilans = years.map { state.figures.bilan(year: $0, asKnownOn: asKnownOn, journalSeq: state.seq, journalHash: state.hash) }
    let readUpTo = state.last.map { ParisTime.date(at: $0.recordedAt).description }
    return LongBilan(bilans: bilans, knownOn: asKnownOn ?? readUpTo, language: language)
  }

  /// The long table in `format` (`csv` or `csv-fr`), without its last line end (``BilanFormat/lineEnd``); also
  /// written, with it, to `file` if given.
  /// - Throws: ``ServiceError``, `.badInput` for a format that is not CSV.
  public static func longBilan(
    journal: String, years: ClosedRange<Int>, asKnownOn: String? = nil, format: BilanFormat, language: BilanLanguage = .fr,
    useCheckpoint: Bool = true, to file: String? = nil
  ) throws(ServiceError) -> String {
    let dialect = try csvDialect(format)
    let text = try longBilan(journal: journal, years: years, asKnownOn: asKnownOn, language: language, useCheckpoint: useCheckpoint)
      .csv(dialect: dialect)
    if let file {
      do { try DurableFile.replace(file, with: Array((text + CSVDialect.lineEnd).utf8)) } catch { throw ServiceError(error) }
    }
    return text
  }

  /// Writes the long table of `years` to `folder`/bilan-Y1-Y2.csv (bilan-Y.csv for one year) and its Frictionless
  /// data package to `folder`/datapackage.json; creates `folder` if it does not exist.
  ///
  /// ```swift
  /// let written = try Reports.dataPackage(journal: "journal", years: 2010...2023, format: .csv, to: "opendata")
  /// // opendata/bilan-2010-2023.csv and opendata/datapackage.json; `frictionless validate opendata/datapackage.json` passes
  /// ```
  /// - Throws: ``ServiceError``: `.badInput` for a format that is not CSV or a folder that is a file; the journal's
  ///   or the disk's errors.
  public static func dataPackage(
    journal: String, years: ClosedRange<Int>, asKnownOn: String? = nil, format: BilanFormat, language: BilanLanguage = .fr,
    useCheckpoint: Bool = true, to folder: String
  ) throws(ServiceError) -> DataPackageWritten {
    let dialect = try csvDialect(format)
    var st = stat()
    if stat(folder, &st) == 0 {
      guard st.st_mode & S_IFMT == S_IFDIR else {
        throw ServiceError(
          .badInput,
          "--datapackage \(folder) is a file; expected a folder (new or existing) to write the CSV file and datapackage.json in.",
          at: .init(field: "datapackage"))
      }
    }
    let table = try longBilan(journal: journal, years: years, asKnownOn: asKnownOn, language: language, useCheckpoint: useCheckpoint)
    let name = years.count == 1 ? "bilan-\(years.lowerBound)" : "bilan-\(years.lowerBound)-\(years.upperBound)"
    let title =
      language == .fr
      ? "Bilans de l'économie sociale et solidaire — Strasbourg, \(years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)")"
      : "Social and solidarity economy reports — Strasbourg, \(years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)")"
    let package = DataPackage.longBilan(name: name, title: title, path: name + ".csv", table: table, dialect: dialect)
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let written = DataPackageWritten(csv: base + "/" + name + ".csv", package: base + "/datapackage.json", rows: table.rows.count)
    do {
      try TilePublisher.makeFolders(for: written.csv)
      try DurableFile.replace(written.csv, with: Array((table.csv(dialect: dialect) + CSVDialect.lineEnd).utf8))
      try DurableFile.replace(written.package, with: Array(package.json.utf8))
    } catch {
      throw ServiceError(error)
    }
    return written
  }

  static func csvDialect(_ format: BilanFormat) throws(ServiceError) -> CSVDialect {
    guard let dialect = format.dialect else {
      throw ServiceError(
        .badInput, "The long open-data table is CSV: give --format csv or csv-fr, not \(format.rawValue).", at: .init(field: "format"))
    }
    return dialect
  }
}
