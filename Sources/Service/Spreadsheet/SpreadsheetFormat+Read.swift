extension SpreadsheetFormat {
  /// The first sheet of the file at `path` as a ``SheetTable``: the first row that holds anything is the
  /// header; each row after it that holds anything is a row, under the number the spreadsheet shows.
  ///
  /// ```swift
  /// let table = try SpreadsheetFormat.xlsx.read("heures-2023.xlsx")
  /// table.rows.first?.cells  // [.text("ems-2022-0147"), .number("1250"), .date("2023-06-30")]
  /// ```
  /// - Throws: ``ServiceError`` `.badInput`, one sentence naming the file: not a ZIP archive, a damaged one,
  ///   no sheet, XML that is not well-formed, a cell that holds an error; `.notFound` when it cannot be opened.
  public func read(_ path: String) throws(ServiceError) -> SheetTable {
    try table(InputFile.read(path), file: path)
  }

  /// The first sheet of a file's bytes; `file` names it in messages.
  public func table(_ bytes: [UInt8], file: String) throws(ServiceError) -> SheetTable {
    let package: ZipPackage
    do {
      package = try ZipPackage(bytes)
    } catch {
      throw ServiceError(
        .badInput, "\(file) is not a ZIP archive, which every \(name) file is; expected a spreadsheet saved as .\(rawValue).",
        at: .init(file: file))
    }
    let source = PackageSource(package: package, file: file, format: self)
    switch self {
    case .xlsx: return try XLSXReader.table(source)
    case .ods: return try ODSReader.table(source)
    }
  }
}

/// A package being read, with the words to say what is wrong with it.
struct PackageSource {
  var package: ZipPackage
  var file: String
  var format: SpreadsheetFormat

  /// The part at `path`, nil when missing.
  func optionalPart(_ path: String) throws(ServiceError) -> [UInt8]? {
    do {
      return try package.part(path)
    } catch .tooLarge {
      throw refusal(
        "its part \(path) is larger than \(ZipPackage.partLimit >> 20) MiB once uncompressed; expected a sheet of at most a million rows")
    } catch {
      throw refusal(
        "it is damaged: its part \(path) fails its checksum or cannot be uncompressed; expected an intact .\(format.rawValue) file")
    }
  }

  /// The part at `path`; `what` says what it holds, for the message when it is missing.
  func part(_ path: String, _ what: String) throws(ServiceError) -> [UInt8] {
    guard let bytes = try optionalPart(path) else {
      throw refusal("it has no \(path) (\(what)); expected a \(format.name) spreadsheet")
    }
    return bytes
  }

  /// The part at `path` parsed, nil when missing.
  func optionalTree(_ path: String) throws(ServiceError) -> XMLTree? {
    guard let bytes = try optionalPart(path) else { return nil }
    return try tree(bytes, path)
  }

  /// The part at `path` parsed.
  func tree(_ path: String, _ what: String) throws(ServiceError) -> XMLTree { try tree(part(path, what), path) }

  private func tree(_ bytes: [UInt8], _ path: String) throws(ServiceError) -> XMLTree {
    do { return try XMLTree(bytes) } catch { throw notWellFormed(path, error) }
  }

  /// The part at `path` streamed to `handler`; its refusals are passed on as they are.
  func stream(_ path: String, _ what: String, into handler: some XMLHandler) throws(ServiceError) {
    let bytes = try part(path, what)
    do {
      try XMLStream.parse(bytes, into: handler)
    } catch {
      switch error {
      case .xml(let failure): throw notWellFormed(path, failure)
      case .refused(let refusal): throw refusal
      }
    }
  }

  private func notWellFormed(_ path: String, _ error: XMLTree.Failure) -> ServiceError {
    refusal(
      "its part \(path) is not well-formed XML (line \(error.line), column \(error.column): \(error.reason)); expected a file saved by a spreadsheet program"
    )
  }

  /// "FILE: <what is wrong>." as a bad-input error on the file.
  func refusal(_ sentence: String) -> ServiceError {
    ServiceError(.badInput, "\(file): \(sentence).", at: .init(file: file))
  }
}
