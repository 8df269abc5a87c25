/// Reads the first table of an ODS package (OpenDocument 1.3, part 3): rows and cells with their
/// repetitions (`number-rows-repeated`, `number-columns-repeated`, the huge empty runs programs write
/// after the data never laid out), values by `office:value-type`.
enum ODSReader {
  static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  static let number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

  /// What the reader needs of a table's styles: which cell styles show TRUE/FALSE, and each column's default cell style.
  struct Styles {
    /// Cell styles whose data style is a `number:boolean-style` (LibreOffice keeps a boolean as a number in such a style).
    var booleans: Set<String> = []
    var columnDefaults: [String?] = []

    init(content: XMLTree.Element, table first: XMLTree.Element) {
      let automatic = content.first(office, "automatic-styles")?.elements ?? []
      let booleanData = Set(
        automatic.filter { $0.name == .init(uri: number, local: "boolean-style") }.compactMap { $0.attribute(style, "name") })
      for s in automatic where s.name == .init(uri: style, local: "style") {
        if let name = s.attribute(style, "name"), let data = s.attribute(style, "data-style-name"), booleanData.contains(data) {
          booleans.insert(name)
        }
      }
      func columns(_ parent: XMLTree.Element) {
        for c in parent.elements where c.name.uri == table {
          if c.name.local == "table-column" {
            let repeats = min(SheetGrid.maxColumns, max(1, c.attribute(table, "number-columns-repeated").flatMap { Int($0) } ?? 1))
            columnDefaults += Array(
              repeating: c.attribute(table, "default-cell-style-name"), count: min(repeats, SheetGrid.maxColumns - columnDefaults.count))
          } else if c.name.local == "table-columns" || c.name.local == "table-column-group" || c.name.local == "table-header-columns" {
            columns(c)
          }
        }
      }
      columns(first)
    }

    /// Whether the cell at `column`, of style `name` (else its column's default), shows a boolean.
    func isBoolean(_ name: String?, column: Int) -> Bool {
      guard let name = name ?? (column < columnDefaults.count ? columnDefaults[column] : nil) else { return false }
      return booleans.contains(name)
    }
  }

  static func table(_ source: PackageSource) throws(ServiceError) -> SheetTable {
    if let mimetype = try source.optionalPart("mimetype") {
      let kind = String(decoding: mimetype, as: UTF8.self)
      guard kind == ODSWriter.mimetype || kind == ODSWriter.mimetype + "-template" else {
        throw source.refusal("it is an OpenDocument file of type \(kind), not a spreadsheet; expected \(ODSWriter.mimetype)")
      }
    }
    let content = try source.tree("content.xml", "the tables").root
    guard let first = content.first(office, "body")?.first(office, "spreadsheet")?.first(table, "table") else {
      throw source.refusal("its content.xml holds no table; expected a spreadsheet with at least one sheet")
    }
    let name = first.attribute(table, "name") ?? "1"
    var grid = SheetGrid()
    var rowNumber = 0
    try readRows(of: first, into: &grid, rowNumber: &rowNumber, styles: Styles(content: content, table: first), source: source)
    return try grid.table(file: source.file, sheet: name)
  }

  /// The rows of `parent`, groups and header rows included, in order.
  private static func readRows(
    of parent: XMLTree.Element, into grid: inout SheetGrid, rowNumber: inout Int, styles: Styles, source: PackageSource
  ) throws(ServiceError) {
    for e in parent.elements where e.name.uri == table {
      switch e.name.local {
      case "table-row":
        let repeats = max(1, e.attribute(table, "number-rows-repeated").flatMap { Int($0) } ?? 1)
        let cells = try readCells(of: e, row: rowNumber + 1, styles: styles, source: source)
        if cells.isEmpty {
          rowNumber += repeats
          continue
        }
        guard rowNumber + repeats <= SheetGrid.maxRows else {
          throw source.refusal("its sheet has values past row \(SheetGrid.maxRows), the last one a sheet can have")
        }
        for _ in 0..<repeats {
          rowNumber += 1
          for (column, cell) in cells { grid.add(cell, row: rowNumber, column: column) }
        }
      case "table-header-rows", "table-row-group", "table-rows":
        try readRows(of: e, into: &grid, rowNumber: &rowNumber, styles: styles, source: source)
      default:
        continue
      }
    }
  }

  /// The non-empty cells of a row, by column.
  private static func readCells(
    of row: XMLTree.Element, row number: Int, styles: Styles, source: PackageSource
  ) throws(ServiceError) -> [(Int, SheetTable.Cell)] {
    var out: [(Int, SheetTable.Cell)] = []
    var column = 0
    for c in row.elements where c.name.uri == table && (c.name.local == "table-cell" || c.name.local == "covered-table-cell") {
      let repeats = max(1, c.attribute(table, "number-columns-repeated").flatMap { Int($0) } ?? 1)
      let cell = try value(c, row: number, column: column, styles: styles, source: source)
      if cell != .empty {
        guard column + repeats <= SheetGrid.maxColumns else {
          throw source.refusal("its row \(number) has values past column \(SheetGrid.maxColumns), the last one a sheet can have")
        }
        for i in 0..<repeats { out.append((column + i, cell)) }
      }
      column += repeats
    }
    return out
  }

  private static func value(
    _ c: XMLTree.Element, row: Int, column: Int, styles: Styles, source: PackageSource
  ) throws(ServiceError) -> SheetTable.Cell {
    func refuse(_ sentence: String) -> ServiceError {
      ServiceError(.badInput, sentence, at: .init(line: row, file: source.file, place: SheetGrid.place(row: row, column: column)))
    }
    guard let type = c.attribute(office, "value-type") else { return .empty }
    switch type {
    case "float", "percentage", "currency":
      let v = c.attribute(office, "value") ?? ""
      guard let plain = CellValues.plainDecimal(v) else { throw refuse("the cell is a number but its value is '\(v)'; expected a number.") }
      // LibreOffice keeps the booleans of an XLSX as numbers shown TRUE/FALSE, or as the formulas TRUE() and FALSE().
      let formula = c.attribute(table, "formula")?.uppercased()
      if formula == "OF:=TRUE()" || formula == "OF:=FALSE()" { return .bool(formula == "OF:=TRUE()") }
      if styles.isBoolean(c.attribute(table, "style-name"), column: column) { return .bool(plain != "0") }
      return .number(plain)
    case "date":
      let v = c.attribute(office, "date-value") ?? ""
      let day = String(v.prefix(10))
      guard CellValues.days(day) != nil else { throw refuse("the cell is a date but its value is '\(v)'; expected a date YYYY-MM-DD.") }
      return .date(day)
    case "boolean":
      switch c.attribute(office, "boolean-value") {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case let v: throw refuse("the cell is a boolean but its value is '\(v ?? "")'; expected true or false.")
      }
    default:
      // string, and time: the text shown.
      let shown = c.attribute(office, "string-value") ?? paragraphs(c)
      return shown.isEmpty ? .empty : .text(shown)
    }
  }

  /// The text of a cell's `text:p` paragraphs, one line each, white space as ODF reads it: runs of spaces,
  /// tabs and line ends count as one space, none at a paragraph's start; `text:s`, `text:tab` and
  /// `text:line-break` are kept.
  static func paragraphs(_ cell: XMLTree.Element) -> String {
    cell.elements.filter { $0.name.uri == text && ($0.name.local == "p" || $0.name.local == "h") }.map { p in
      var out = ""
      var pendingSpace = false
      func append(_ element: XMLTree.Element) {
        for child in element.children {
          switch child {
          case .text(let s):
            for ch in s.unicodeScalars {
              if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" {
                pendingSpace = !out.isEmpty
              } else {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(ch)
              }
            }
          case .element(let e) where e.name.uri == text:
            if pendingSpace { out += " " }
            pendingSpace = false
            switch e.name.local {
            case "s": out += String(repeating: " ", count: max(1, e.attribute(text, "c").flatMap { Int($0) } ?? 1))
            case "tab": out += "\t"
            case "line-break": out += "\n"
            case "note", "annotation", "bookmark", "bookmark-start", "bookmark-end": break
            default: append(e)  // span, a, and other inline containers
            }
          case .element:
            break
          }
        }
      }
      append(p)
      // LibreOffice writes a trailing space as it is (and reads it back): it is kept, once.
      return pendingSpace ? out + " " : out
    }.joined(separator: "\n")
  }
}
