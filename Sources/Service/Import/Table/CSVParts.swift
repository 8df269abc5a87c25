import Dispatch
import Journal

/// A large CSV file read a part at a time, two parts ahead on another thread:
/// each block of the file is decoded (``TextDecoder``), cut after its last
/// whole record, and its rows read with the rules of ``CSVReader``, then
/// handed to `convert` (typed and checked, on that thread) while the ledger
/// commits the part before. Memory stays that of a few parts, whatever the
/// file's size; the rows, their numbers and every problem are those
/// ``CSVReader/read(_:encoding:severalColumns:)`` gives for the whole file.
final class CSVParts<Converted>: @unchecked Sendable {
  /// One part: what `convert` made of its rows, and the rows refused while reading them.
  struct Part {
    var converted: Converted
    var rows: Int
    var problems: [ServiceError]
    /// Bytes of the file read when the part was made.
    var read: Int
  }

  let input: InputFile
  let blockBytes: Int
  let severalColumns: Bool
  var decoder: TextDecoder
  /// Decoded text not yet read: from the start of a record.
  var pending: [UInt8] = []
  /// The file's bytes given but not yet decoded (the first block).
  var head: [UInt8]?
  var headOffset = 0
  /// Bytes of the file read so far (the first block included).
  var read: Int
  var ended = false
  /// The line the pending text starts on.
  var line = 1
  var separator = UInt8(ascii: ";")
  /// The header's names, once read.
  private(set) var header: [String]? = nil
  /// What a part's rows become; set once the header is known.
  var convert: (([SheetTable.Row]) -> Converted)? = nil
  /// The parts, read two ahead.
  lazy var parts = ReadAhead(depth: 2) { [weak self] () throws(ServiceError) -> Part? in try self?.nextPart() }

  init(_ input: InputFile, head: [UInt8], encoding: TextEncoding, severalColumns: Bool, blockBytes: Int) {
    self.input = input
    self.head = head.isEmpty ? nil : head  // nothing read yet is not the end of the file
    self.read = head.count
    self.decoder = TextDecoder(encoding)
    self.severalColumns = severalColumns
    self.blockBytes = blockBytes
  }

  /// Reads up to the end of the header line, and the header.
  ///
  /// - Throws: ``ServiceError`` as ``CSVReader/read(_:encoding:severalColumns:)`` does.
  func readHeader() throws(ServiceError) -> [String] {
    while true {
      let rows = try readRecords(headerOnly: true)
      if let header { return header }
      if rows == nil { throw ServiceError(.badInput, "The file is empty: there is no header line to read.") }
    }
  }

  /// The next part (nil at the end of the file), and the one after it started.
  func next() throws(ServiceError) -> Part? { try parts.next() }

  /// Reads the rows of the next whole records, and converts them.
  func nextPart() throws(ServiceError) -> Part? {
    var problems: [ServiceError] = []
    while let rows = try readRecords(headerOnly: false, problems: &problems) {
      guard !rows.isEmpty || !problems.isEmpty else { continue }
      return Part(converted: convert!(rows), rows: rows.count, problems: problems, read: read)
    }
    return nil
  }

  /// Decodes blocks until some whole records are pending (all that is left at the end of
  /// the file), and reads them: the header if it is not read yet, then rows. Nil at the end.
  func readRecords(headerOnly: Bool) throws(ServiceError) -> [SheetTable.Row]? {
    var problems: [ServiceError] = []
    return try readRecords(headerOnly: headerOnly, problems: &problems)
  }

  func readRecords(headerOnly: Bool, problems: inout [ServiceError]) throws(ServiceError) -> [SheetTable.Row]? {
    // Whether the pending text holds no whole record: read on, whatever its size.
    var needMore = false
    while true {
      if pending.isEmpty && ended { return nil }
      if !ended && (pending.count < blockBytes || head != nil || needMore) {
        var block: [UInt8]
        if let first = head {
          // The bytes read to tell a large file from a small one, a block at a time too.
          let end = min(first.count, headOffset + blockBytes)
          block = Array(first[headOffset..<end])
          headOffset = end
          if end == first.count { head = nil }
        } else {
          block = try input.read(upTo: blockBytes)
          read += block.count
        }
        let last = block.isEmpty
        pending += try decoder.decode(block, final: last)
        if last { ended = true }
      }
      let cut: Int? = pending.withUnsafeBufferPointer { b in
        if ended { return b.count }
        var scanner = CSVReader.Scanner(b)
        if header == nil {
          // The separator is told from the header line: wait for it whole (a line break outside quotes).
          scanner.skipBlankLines()
          guard !scanner.atEnd, CSVReader.lineEnd(in: b, from: scanner.position) != nil else { return nil }
          guard let guess = try? CSVReader.separator(of: b, from: scanner.position, severalColumns: severalColumns) else {
            return b.count  // refused below, as the whole file's reading refuses it
          }
          let end = CSVReader.Scanner.endOfWholeRecords(in: b, from: 0, separator: guess)
          return end > 0 ? end : nil
        }
        let end = CSVReader.Scanner.endOfWholeRecords(in: b, from: 0, separator: separator)
        return end > 0 ? end : nil
      }
      guard let cut else {
        needMore = true
        continue
      }
      var rows: [SheetTable.Row] = []
      var newProblems: [ServiceError] = []
      let reached = try pending.withUnsafeBufferPointer { (all) throws(ServiceError) -> Int in
        let b = UnsafeBufferPointer(rebasing: all[..<cut])
        var scanner = CSVReader.Scanner(b)
        scanner.line = line
        scanner.separator = separator
        if header == nil {
          header = try CSVReader.readHeader(&scanner, severalColumns: severalColumns)
          separator = scanner.separator
          if headerOnly {
            line = scanner.line
            return scanner.position
          }
        }
        try CSVReader.readRows(&scanner, header: header!, into: &rows, problems: &newProblems)
        line = scanner.line
        return scanner.position
      }
      pending.removeFirst(reached)
      problems += newProblems
      return rows
    }
  }
}
