import Projections

extension Reports {
  /// Writes the bilan of `year` as a spreadsheet to `file` (see ``Workbook/init(bilan:language:)``).
  ///
  /// ```swift
  /// try Reports.bilanSpreadsheet(journal: "journal", year: 2022, format: .ods, language: .fr, to: "bilan-2022.ods")
  /// ```
  /// - Throws: ``ServiceError``: the journal cannot be read, the file cannot be written.
  public static func bilanSpreadsheet(
    journal: String, year: Int, asKnownOn: String? = nil, format: SpreadsheetFormat, language: BilanLanguage, useCheckpoint: Bool = true,
    treeSize: UInt64? = nil, to file: String
  ) throws(ServiceError) {
    let bilan = try BilanReader(journal: journal, useCheckpoint: useCheckpoint).bilan(year: year, asKnownOn: asKnownOn, treeSize: treeSize)
    try format.write(Workbook(bilan: bilan, language: language), to: file)
  }

  /// Writes indicators `keys` year by year as a spreadsheet to `file` (see ``series(journal:keys:from:to:asKnownOn:useCheckpoint:)``).
  ///
  /// ```swift
  /// try Reports.seriesSpreadsheet(journal: "journal", keys: ["procurement.insertion_hours"], format: .xlsx, file: "heures.xlsx")
  /// ```
  /// - Throws: ``ServiceError``: a key that is no indicator, years out of order, the file cannot be written.
  public static func seriesSpreadsheet(
    journal: String, keys: [String], from: Int? = nil, to: Int? = nil, asKnownOn: String? = nil, format: SpreadsheetFormat, file: String
  ) throws(ServiceError) {
    try format.write(Workbook(series: series(journal: journal, keys: keys, from: from, to: to, asKnownOn: asKnownOn)), to: file)
  }
}

extension Reports.BilanFormat {
  /// The spreadsheet this format writes, if it is one.
  public var spreadsheet: SpreadsheetFormat? { SpreadsheetFormat(rawValue: rawValue) }
}

extension Reports.SeriesFormat {
  /// The spreadsheet this format writes, if it is one.
  public var spreadsheet: SpreadsheetFormat? { SpreadsheetFormat(rawValue: rawValue) }
}
