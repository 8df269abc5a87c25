/// Reading the SCDL file itself.
extension SCDLImport {
  /// Imports the SCDL "subventions" CSV at `path` (`-`: standard input) as
  /// `subsidy.granted` events, as one commit; with `dryRun`, lists every
  /// problem of every row without writing.
  ///
  /// ```swift
  /// let report = try SCDLImport.run(file: "subventions-2022.csv", journal: "journal", author: "c.muller", dryRun: true)
  /// ```
  /// - Throws: ``ServiceError``: a file that cannot be read as CSV, the first problem of a real import
  ///   (nothing written), or a journal that cannot be opened.
  public static func run(file path: String, journal: String, author: String, encoding: TextEncoding = .utf8, dryRun: Bool)
    throws(ServiceError) -> Importer.Report
  {
    let read = try CSVReader.read(try InputFile.read(path), encoding: encoding)
    var converted = convert(
      read.table, author: author,
      source: path == "-" ? "SCDL subventions" : "SCDL subventions: \(path.split(separator: "/").last.map(String.init) ?? path)")
    converted.problems = read.problems + converted.problems
    converted.count += read.problems.count
    guard !read.table.rows.isEmpty || !converted.problems.isEmpty else {
      throw ServiceError(.badInput, "The table has a header but no rows: there is nothing to import.")
    }
    return try Importer.run(converted, into: Ledger(journal: journal), dryRun: dryRun)
  }
}
