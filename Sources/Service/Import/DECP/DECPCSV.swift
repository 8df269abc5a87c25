/// The small CSV tables a DECP import reads beside the DECP file (a SIRENE
/// extract, a side file keyed by uid): a header, then rows of text cells, read
/// by ``CSVReader`` (`,` or `;`, whichever the header uses, a header holding
/// both refused; `"` quotes with `""` inside, nothing but spaces after a closing
/// one; CRLF or LF; an optional UTF-8 byte-order mark; blank lines skipped), in
/// UTF-8; every row has the header's count.
struct DECPCSV {
  var header: [String]
  /// Each row: the line it starts on, and its cells (trimmed).
  var rows: [(line: Int, cells: [String])]

  /// Parses `bytes` of the file `name` (named in messages).
  /// - Throws: ``ServiceError`` `.badInput` naming the file and the line: bytes that are
  ///   not UTF-8, an empty file, a header whose separator cannot be told, a quote never
  ///   closed or followed by text, a row with too many or too few cells.
  static func parse(_ bytes: [UInt8], name: String) throws(ServiceError) -> DECPCSV {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    // Checked here rather than by the table import's decoder, whose advice (--encoding) a DECP import does not take.
    if let bad = UTF8Check.firstInvalid(bytes, from: body) {
      throw ServiceError(
        .badInput,
        "\(name) is not UTF-8: byte \(TextEncoding.hex(bytes[bad])) at byte offset \(bad) is not valid UTF-8; expected UTF-8 text (a spreadsheet saves it as \"CSV UTF-8\").",
        at: .init(file: name))
    }
    let read: CSVReader.Result
    do {
      read = try bytes.withUnsafeBufferPointer { b throws(ServiceError) in
        try CSVReader.parse(UnsafeBufferPointer(rebasing: b[body...]), severalColumns: false)
      }
    } catch {
      throw placed(error, in: name)
    }
    if let first = read.problems.first { throw placed(first, in: name) }
    // The reader's cells are all text.
    let rows = read.table.rows.map { row in (line: row.number, cells: row.cells.map { DECPFields.trimmed($0.text) }) }
    return DECPCSV(header: read.table.header.map(DECPFields.trimmed), rows: rows)
  }

  /// `error`, about the file `name`, placed in it ("sirene.csv, line 3").
  static func placed(_ error: ServiceError, in name: String) -> ServiceError {
    var placed = error
    placed.location.file = name
    placed.location.place = placed.location.line.map { "\(name), line \($0)" } ?? name
    return placed
  }

  /// The index of column `name`, if the header has it.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
