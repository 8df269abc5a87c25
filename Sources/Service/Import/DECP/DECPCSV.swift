/// The small CSV tables a DECP import reads beside the DECP file (a SIRENE
/// extract, a side file keyed by uid): a header, then rows of text cells.
/// `,` or `;` (whichever the header uses), `"` quotes with `""` inside, CRLF
/// or LF, an optional UTF-8 byte-order mark; every row has the header's count.
struct DECPCSV {
  var header: [String]
  /// Each row: the line it starts on, and its cells (trimmed).
  var rows: [(line: Int, cells: [String])]

  /// Parses `bytes` of the file `name` (named in messages).
  /// - Throws: ``ServiceError`` `.badInput` naming the file and the line.
  static func parse(_ bytes: [UInt8], name: String) throws(ServiceError) -> DECPCSV {
    var b = bytes[...]
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
    let headerEnd = b.firstIndex(of: 0x0A) ?? b.endIndex
    let headerLine = b[b.startIndex..<headerEnd]
    let separator: UInt8 =
      headerLine.contains(UInt8(ascii: ";")) && !headerLine.contains(UInt8(ascii: ",")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
    var records: [(line: Int, cells: [String])] = []
    var cells: [String] = []
    var cell: [UInt8] = []
    var quoted = false
    var line = 1
    var recordLine = 1
    var i = b.startIndex
    func endCell() {
      cells.append(DECPFields.trimmed(String(decoding: cell, as: UTF8.self)))
      cell.removeAll(keepingCapacity: true)
    }
    while i < b.endIndex {
      let c = b[i]
      if quoted {
        if c == UInt8(ascii: "\"") {
          if i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: "\"") {
            cell.append(c)
            i += 1
          } else {
            quoted = false
          }
        } else {
          if c == 0x0A { line += 1 }
          cell.append(c)
        }
      } else if c == UInt8(ascii: "\"") && cell.allSatisfy({ $0 == 0x20 }) {
        cell.removeAll()
        quoted = true
      } else if c == separator {
        endCell()
      } else if c == 0x0A || c == 0x0D {
        if c == 0x0D, i + 1 < b.endIndex, b[i + 1] == 0x0A { i += 1 }
        endCell()
        if !(cells.count == 1 && cells[0].isEmpty) { records.append((recordLine, cells)) }
        cells.removeAll()
        line += 1
        recordLine = line
      } else {
        cell.append(c)
      }
      i += 1
    }
    if quoted { throw ServiceError(.badInput, "\(name), line \(recordLine): a quoted cell is never closed; expected a closing \".") }
    if !cell.isEmpty || !cells.isEmpty {
      endCell()
      records.append((recordLine, cells))
    }
    guard let header = records.first else {
      throw ServiceError(.badInput, "\(name) is empty; expected a CSV file with a header line.", at: .init(file: name))
    }
    for r in records.dropFirst() where r.cells.count != header.cells.count {
      throw ServiceError(
        .badInput,
        "\(name), line \(r.line): \(r.cells.count) cell(s); expected \(header.cells.count), as many as the header has.",
        at: .init(file: name))
    }
    return DECPCSV(header: header.cells, rows: Array(records.dropFirst()))
  }

  /// The index of column `name`, if the header has it.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
