/// Reads CSV text into a ``SheetTable`` (FORMATS.md §2, RFC 4180): the
/// separator, `;` or `,`, is the one the header line uses; cells may be
/// quoted (`"…"`, holding separators, line breaks and doubled quotes `""`);
/// lines end with CRLF or LF; blank lines are skipped; every row must have the
/// header's number of cells. Each row is numbered by the line it starts on
/// (the header is line 1), as a spreadsheet numbers it.
///
/// ```swift
/// let read = try CSVReader.read(Array("identifiant du marché;heures d'insertion\r\nems-1;1 250\r\n".utf8))
/// read.table.rows[0].number   // 2
/// read.table.rows[0].cells    // [.text("ems-1"), .text("1 250")]
/// ```
public enum CSVReader {
  /// A table and the rows refused while reading it (a wrong number of cells,
  /// text after a closing quote), each placed at its row; those rows are left out.
  public struct Result: Sendable {
    public var table: SheetTable
    public var problems: [ServiceError]
  }

  /// Reads a file's bytes in `encoding` (a leading UTF-8 byte-order mark is removed).
  ///
  /// - Parameter severalColumns: whether more than one column is expected: a header
  ///   line with neither `;` nor `,` is then refused.
  /// - Throws: ``ServiceError`` `.badInput`: bytes not valid in the encoding (with
  ///   their offset), an empty file, a header whose separator cannot be told, or a
  ///   quoted cell never closed.
  public static func read(_ bytes: [UInt8], encoding: TextEncoding = .utf8, severalColumns: Bool = true) throws(ServiceError)
    -> Result
  {
    let text = try encoding.decode(bytes)
    return try text.withUnsafeBufferPointer { b throws(ServiceError) in try parse(b, severalColumns: severalColumns) }
  }

  static let quote = UInt8(ascii: "\"")
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")

  static func parse(_ b: UnsafeBufferPointer<UInt8>, severalColumns: Bool) throws(ServiceError) -> Result {
    var scanner = Scanner(b)
    let header = try readHeader(&scanner, severalColumns: severalColumns)
    var rows: [SheetTable.Row] = []
    var problems: [ServiceError] = []
    try readRows(&scanner, header: header, into: &rows, problems: &problems)
    return Result(table: SheetTable(header: header, rows: rows), problems: problems)
  }

  /// Reads the header line (after blank lines), its separator first.
  static func readHeader(_ scanner: inout Scanner, severalColumns: Bool) throws(ServiceError) -> [String] {
    scanner.skipBlankLines()
    guard !scanner.atEnd else { throw ServiceError(.badInput, "The file is empty: there is no header line to read.") }
    scanner.separator = try separator(of: scanner.b, from: scanner.position, severalColumns: severalColumns)
    guard case .cells(let names, _) = try scanner.record() else {
      throw ServiceError(.badInput, "Line 1: the header line could not be read; expected the column names separated by ';' or ','.")
    }
    return names
  }

  /// Reads the rows from the scanner's position to the end of its text; rows refused are added to `problems`.
  static func readRows(
    _ scanner: inout Scanner, header: [String], into rows: inout [SheetTable.Row], problems: inout [ServiceError]
  ) throws(ServiceError) {
    while true {
      scanner.skipBlankLines()
      if scanner.atEnd { break }
      switch try scanner.record() {
      case .cells(let cells, let line):
        if cells.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) { continue }
        guard cells.count == header.count else {
          let sep = String(UnicodeScalar(scanner.separator))
          problems.append(
            ServiceError(
              .badInput,
              "The row has \(cells.count) cell(s) but the header has \(header.count); expected \(header.count) cells separated by '\(sep)' (a '\(sep)' inside a cell must be within double quotes).",
              at: .init(line: line, place: "Row \(line)")))
          continue
        }
        rows.append(SheetTable.Row(number: line, cells: cells.map { .text($0) }))
      case .refused(let problem):
        problems.append(problem)
      }
    }
  }

  /// The separator the header line (from `start` to its end, quotes respected) uses.
  static func separator(of b: UnsafeBufferPointer<UInt8>, from start: Int, severalColumns: Bool) throws(ServiceError) -> UInt8 {
    var semicolons = 0
    var commas = 0
    var quoted = false
    var i = start
    while i < b.count {
      let c = b[i]
      if c == quote {
        quoted.toggle()
      } else if !quoted {
        if c == lf { break }
        if c == UInt8(ascii: ";") { semicolons += 1 }
        if c == UInt8(ascii: ",") { commas += 1 }
      }
      i += 1
    }
    if semicolons > 0 && commas > 0 {
      throw ServiceError(
        .badInput,
        "The header line holds both ';' (\(semicolons)) and ',' (\(commas)) between column names, so the separator cannot be told; expected one of them between the names (';' for a French spreadsheet), a name holding the other within double quotes.",
        at: .init(line: 1, place: "Line 1"))
    }
    if semicolons == 0 && commas == 0 && severalColumns {
      throw ServiceError(
        .badInput,
        "The header line holds neither ';' nor ',', but several columns are expected; expected the column names separated by ';' (a French spreadsheet's CSV) or ','.",
        at: .init(line: 1, place: "Line 1"))
    }
    return commas > 0 ? UInt8(ascii: ",") : UInt8(ascii: ";")
  }

  /// Where the header line that starts at `start` ends, as ``separator(of:from:severalColumns:)``
  /// reads it (its first line break outside double quotes), or nil if `b` does not hold it whole.
  static func lineEnd(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var quoted = false
    for i in start..<b.count {
      if b[i] == quote {
        quoted.toggle()
      } else if !quoted && b[i] == lf {
        return i
      }
    }
    return nil
  }

  /// What one record gave.
  enum Record {
    /// Its cells, and the line it starts on.
    case cells([String], line: Int)
    /// A record refused (skipped to its end).
    case refused(ServiceError)
  }

  /// A position in the text, with the line it is on.
  struct Scanner {
    let b: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1
    var separator = UInt8(ascii: ";")

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    var atEnd: Bool { position >= b.count }

    /// Moves past lines holding nothing but spaces and tabs.
    mutating func skipBlankLines() {
      while position < b.count {
        var i = position
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09 || b[i] == cr) { i += 1 }
        if i == b.count {
          position = i
          return
        }
        guard b[i] == lf else { return }
        position = i + 1
        line += 1
      }
    }

    /// Reads one record and the line break that ends it.
    mutating func record() throws(ServiceError) -> Record {
      let first = line
      var cells: [String] = []
      var refused: ServiceError? = nil
      while true {
        let cell: String
        if position < b.count && b[position] == quote {
          var bytes: [UInt8] = []
          let opened = line
          position += 1
          var closed = false
          while position < b.count {
            let c = b[position]
            if c == quote {
              if position + 1 < b.count && b[position + 1] == quote {
                bytes.append(quote)
                position += 2
                continue
              }
              position += 1
              closed = true
              break
            }
            if c == lf { line += 1 }
            bytes.append(c)
            position += 1
          }
          guard closed else {
            throw ServiceError(
              .badInput,
              "A quoted cell (column \(cells.count + 1)) opened on line \(opened) is never closed; expected a '\"' at its end (a quote inside a cell is written twice: \"\").",
              at: .init(line: first, place: "Row \(first)"))
          }
          // Spaces, or the CR of a CRLF, may follow the closing quote; anything else is refused.
          while position < b.count && (b[position] == 0x20 || b[position] == 0x09 || b[position] == cr) { position += 1 }
          if position < b.count && b[position] != separator && b[position] != lf {
            if refused == nil {
              refused = ServiceError(
                .badInput,
                "Column \(cells.count + 1) has text after its closing quote; expected the separator '\(String(UnicodeScalar(separator)))' right after it (a quote inside a cell is written twice: \"\").",
                at: .init(line: first, place: "Row \(first)"))
            }
            position = Self.find(separator, or: lf, in: b, from: position) ?? b.count
          }
          cell = String(decoding: bytes, as: UTF8.self)
        } else {
          let start = position
          if let end = Self.find(separator, or: lf, in: b, from: position) {
            position = end
          } else {
            position = b.count
          }
          var stop = position
          if stop > start && b[stop - 1] == cr && (position == b.count || b[position] == lf) { stop -= 1 }
          cell = String(decoding: UnsafeBufferPointer(rebasing: b[start..<stop]), as: UTF8.self)
        }
        cells.append(cell)
        if position < b.count && b[position] == separator {
          position += 1
          continue
        }
        if position < b.count && b[position] == lf {
          position += 1
          line += 1
        }
        break
      }
      if let refused { return .refused(refused) }
      return .cells(cells, line: first)
    }

    /// Where the last record that `b` holds whole, from `start` (a record's
    /// start), ends: after its line break; `start` if none ends in `b`. The
    /// records end where ``record()`` ends them (a line break outside a cell
    /// in quotes), so the text may be cut there and read in parts.
    static func endOfWholeRecords(in b: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8) -> Int {
      var end = start
      var i = start
      let n = b.count
      records: while true {
        // One cell.
        if i < n && b[i] == quote {
          i += 1
          while true {
            guard i < n else { break records }
            if b[i] == quote {
              // The last byte: the quote that closes the cell, or the first of a doubled one.
              guard i + 1 < n else { break records }
              if b[i + 1] == quote {
                i += 2
                continue
              }
              i += 1
              break
            }
            i += 1
          }
        }
        // What follows (the cell, or what follows its closing quote) runs to a separator or a line break.
        guard let stop = find(separator, or: lf, in: b, from: i) else { break }
        i = stop + 1
        if b[stop] == lf { end = i }
      }
      return end
    }

    /// The first offset from `start` holding `a` or `b`, or nil.
    static func find(_ a: UInt8, or c: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
      var i = start
      let n = b.count
      while i < n {
        let x = b[i]
        if x == a || x == c { return i }
        i += 1
      }
      return nil
    }
  }
}
