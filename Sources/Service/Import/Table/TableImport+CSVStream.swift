import Domain
import Journal

/// Large CSV files: read, typed, checked and committed a part at a time
/// (``CSVParts``), one all-or-nothing commit still, so that memory does not
/// grow with the file.
extension TableImport {
  /// CSV files larger than this are read a part at a time.
  static let csvStreamAbove = Importer.streamAbove
  /// Bytes of the file read at a time when streaming: about 30 000 rows of a typical table, whose events
  /// weigh twenty times their CSV (two parts are in memory at once, one read ahead).
  static let csvBlockBytes = 1 << 20

  /// Imports the CSV file `input` (whose first bytes, `head`, are read) a part at a time;
  /// `progress` is told (bytes read, bytes in all) after each part, when the file's size is known.
  static func streamCSV(
    _ input: InputFile, head: [UInt8], type: any DomainEvent.Type, options: Options, into ledger: Ledger, dryRun: Bool,
    blockBytes: Int = TableImport.csvBlockBytes, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Importer.Report {
    typealias Typed = (events: [NewEvent], lines: [Int], problems: [ServiceError])
    let parts = CSVParts<Typed>(
      input, head: head, encoding: options.encoding, severalColumns: TableColumns.severalColumns(type, options: options),
      blockBytes: blockBytes)
    let header = try parts.readHeader()
    let (columns, headerProblems) = TableColumns.match(header, type: type, options: options)
    guard headerProblems.isEmpty else {
      // As for a table read whole: every row read (the count, the rows refused), none typed.
      parts.convert = { _ in ([], [], []) }
      var rows = 0
      var readProblems: [ServiceError] = []
      while let part = try parts.next() {
        rows += part.rows
        readProblems += part.problems
      }
      var converted = Importer.Converted()
      converted.problems = headerProblems
      return try commit(converted, rows: rows, readProblems: readProblems, columns: columns, into: ledger, dryRun: dryRun)
    }
    // One core: the parts are made on their own thread, beside the commit (which keeps the other core busy).
    parts.convert = { rows in normalized(rows[...], columns: columns, type: type, options: options, cores: 1) }
    return try stream(columns: columns, into: ledger, dryRun: dryRun) { () throws(ServiceError) -> StreamPart? in
      guard let part = try parts.next() else { return nil }
      if let total = input.size { progress?(min(part.read, total), total) }
      return StreamPart(rows: part.rows, typed: part.converted, readProblems: part.problems)
    }
  }
}
