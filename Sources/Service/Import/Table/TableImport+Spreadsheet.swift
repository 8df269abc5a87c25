/// `ess import --from xlsx|ods FILE --type T`: a filled template (or any
/// sheet whose header names the type's fields), read from its first sheet.
extension TableImport {
  /// Imports the first sheet of the spreadsheet at `path` as events of `type`, as one commit;
  /// with `dryRun`, lists every problem of every row (by row and column) without writing.
  ///
  /// ```swift
  /// let report = try TableImport.importSpreadsheet(
  ///   file: "heures.xlsx", format: .xlsx, type: "procurement.insertion-hours-reported",
  ///   options: .init(author: "l.weber"), journal: "journal", dryRun: true)
  /// ```
  /// - Throws: ``ServiceError``: a file that is not such a spreadsheet, the first problem of a real import
  ///   (nothing written), or a journal that cannot be opened.
  public static func importSpreadsheet(
    file path: String, format: SpreadsheetFormat, type: String, options: Options, journal: String, dryRun: Bool
  ) throws(ServiceError) -> Importer.Report {
    let eventType = try self.type(named: type)
    let options = try checked(options)
    let table = try format.read(path)
    return try run(table, type: eventType, options: options, into: Ledger(journal: journal), dryRun: dryRun)
  }
}
