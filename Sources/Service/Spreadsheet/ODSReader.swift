/// Reads the first table of an ODS package (OpenDocument 1.3, part 3) as `content.xml` streams by: rows and
/// cells with their repetitions (`number-rows-repeated`, `number-columns-repeated`, the huge empty runs
/// programs write after the data never laid out), values by `office:value-type`.
enum ODSReader {
  static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  static let number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

  static func table(_ source: PackageSource) throws(ServiceError) -> SheetTable {
    if let mimetype = try source.optionalPart("mimetype") {
      let kind = String(decoding: mimetype, as: UTF8.self)
      guard kind == ODSWriter.mimetype || kind == ODSWriter.mimetype + "-template" else {
        throw source.refusal("it is an OpenDocument file of type \(kind), not a spreadsheet; expected \(ODSWriter.mimetype)")
      }
    }
    let reader = ContentHandler(source: source)
    try source.stream("content.xml", "the tables", into: reader)
    guard let name = reader.tableName else {
      throw source.refusal("its content.xml holds no table; expected a spreadsheet with at least one sheet")
    }
    return try reader.grid.table(file: source.file, sheet: name)
  }

  /// Reads the automatic styles (which cell styles show booleans) and the first table, as they stream by.
  final class ContentHandler: XMLHandler {
    let source: PackageSource
    var grid = SheetGrid()
    /// The first table's name, once it started.
    var tableName: String?
    var tableDone = false
    var depth = 0
    /// The depth of the first table's element, while in it.
    var tableDepth: Int?
    /// While > 0: inside an element whose content is not read (a nested table, an annotation, a drawing).
    var skipFrom: Int?

    // Styles: LibreOffice keeps the booleans of an XLSX as numbers in a style that shows TRUE/FALSE.
    var booleanDataStyles: Set<String> = []
    var cellDataStyles: [String: String] = [:]
    var columnDefaults: [String?] = []

    // The row being read.
    var rowNumber = 0
    var rowRepeats = 1
    var rowCells: [(Int, SheetTable.Cell)] = []
    var column = 0

    // The cell being read, and its paragraphs.
    var cell: [XMLTree.Name: String]?
    var cellDepth = 0
    var paragraphs: [String] = []
    var paragraph: String?
    var pendingSpace = false

    init(source: PackageSource) { self.source = source }

    func start(_ name: XMLTree.Name, _ attributes: [XMLTree.Name: String]) throws(ServiceError) {
      depth += 1
      if skipFrom != nil || tableDone { return }
      if tableDepth == nil {
        // Before the first table: the styles, then the table itself.
        switch (name.uri, name.local) {
        case (ODSReader.number, "boolean-style"):
          if let n = attributes[.init(uri: ODSReader.style, local: "name")] { booleanDataStyles.insert(n) }
        case (ODSReader.style, "style"):
          if let n = attributes[.init(uri: ODSReader.style, local: "name")],
            let data = attributes[.init(uri: ODSReader.style, local: "data-style-name")]
          {
            cellDataStyles[n] = data
          }
        case (ODSReader.table, "table"):
          tableDepth = depth
          tableName = attributes[.init(uri: ODSReader.table, local: "name")] ?? "1"
        default: break
        }
        return
      }
      if cell != nil {
        try startInCell(name, attributes)
        return
      }
      guard name.uri == ODSReader.table else { return skip() }
      switch name.local {
      case "table-column":
        let repeats = max(1, attributes[.init(uri: ODSReader.table, local: "number-columns-repeated")].flatMap { Int($0) } ?? 1)
        let count = min(repeats, SheetGrid.maxColumns - columnDefaults.count)
        columnDefaults += Array(repeating: attributes[.init(uri: ODSReader.table, local: "default-cell-style-name")], count: max(0, count))
      case "table-row":
        rowRepeats = max(1, attributes[.init(uri: ODSReader.table, local: "number-rows-repeated")].flatMap { Int($0) } ?? 1)
        rowCells = []
        column = 0
      case "table-cell", "covered-table-cell":
        cell = attributes
        cellDepth = depth
        paragraphs = []
      case "table-columns", "table-column-group", "table-header-columns", "table-header-rows", "table-row-group", "table-rows":
        break
      default:
        skip()  // a nested table, shapes, named ranges…
      }
    }

    /// Inside a cell: its `text:p` paragraphs, with their spaces, tabs, line breaks and spans.
    private func startInCell(_ name: XMLTree.Name, _ attributes: [XMLTree.Name: String]) throws(ServiceError) {
      if paragraph == nil {
        // A direct child of the cell: a paragraph, or something not read (an annotation, a drawing).
        guard depth == cellDepth + 1, name.uri == ODSReader.text, name.local == "p" || name.local == "h" else { return skip() }
        paragraph = ""
        pendingSpace = false
        return
      }
      guard name.uri == ODSReader.text else { return skip() }
      if pendingSpace { paragraph! += " " }
      pendingSpace = false
      switch name.local {
      case "s":
        paragraph! += String(repeating: " ", count: max(1, attributes[.init(uri: ODSReader.text, local: "c")].flatMap { Int($0) } ?? 1))
      case "tab": paragraph! += "\t"
      case "line-break": paragraph! += "\n"
      case "note", "annotation", "bookmark", "bookmark-start", "bookmark-end": skip()
      default: break  // span, a, and other inline containers: their text is read
      }
    }

    private func skip() { skipFrom = depth }

    func end(_ name: XMLTree.Name) throws(ServiceError) {
      defer { depth -= 1 }
      if let from = skipFrom {
        if depth == from { skipFrom = nil }
        return
      }
      guard let tableDepth, !tableDone else { return }
      if depth == tableDepth {
        tableDone = true
        return
      }
      if cell != nil {
        if depth == cellDepth {
          try endCell()
        } else if depth == cellDepth + 1, let p = paragraph {
          paragraphs.append(pendingSpace ? p + " " : p)  // LibreOffice writes a trailing space as it is: kept, once
          paragraph = nil
        }
        return
      }
      if name == .init(uri: ODSReader.table, local: "table-row") { try endRow() }
    }

    func text(_ text: String) {
      guard skipFrom == nil, paragraph != nil else { return }
      // Runs of spaces, tabs and line ends count as one space, none at a paragraph's start (ODF's white space rule).
      for ch in text.unicodeScalars {
        if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" {
          pendingSpace = !paragraph!.isEmpty
        } else {
          if pendingSpace { paragraph! += " " }
          pendingSpace = false
          paragraph!.unicodeScalars.append(ch)
        }
      }
    }

    private func endCell() throws(ServiceError) {
      guard let attributes = cell else { return }
      cell = nil
      let repeats = max(1, attributes[.init(uri: ODSReader.table, local: "number-columns-repeated")].flatMap { Int($0) } ?? 1)
      let value = try self.value(attributes)
      if value != .empty {
        guard column + repeats <= SheetGrid.maxColumns else {
          throw source.refusal("its row \(rowNumber + 1) has values past column \(SheetGrid.maxColumns), the last one a sheet can have")
        }
        for i in 0..<repeats { rowCells.append((column + i, value)) }
      }
      column += repeats
    }

    private func endRow() throws(ServiceError) {
      if rowCells.isEmpty {
        rowNumber += rowRepeats
        return
      }
      guard rowNumber + rowRepeats <= SheetGrid.maxRows else {
        throw source.refusal("its sheet has values past row \(SheetGrid.maxRows), the last one a sheet can have")
      }
      for _ in 0..<rowRepeats {
        rowNumber += 1
        for (c, value) in rowCells { grid.add(value, row: rowNumber, column: c) }
      }
    }

    private func value(_ attributes: [XMLTree.Name: String]) throws(ServiceError) -> SheetTable.Cell {
      let row = rowNumber + 1
      func attribute(_ uri: String, _ local: String) -> String? { attributes[.init(uri: uri, local: local)] }
      func refuse(_ sentence: String) -> ServiceError {
        ServiceError(.badInput, sentence, at: .init(line: row, file: source.file, place: SheetGrid.place(row: row, column: column)))
      }
      guard let type = attribute(ODSReader.office, "value-type") else { return .empty }
      switch type {
      case "float", "percentage", "currency":
        let v = attribute(ODSReader.office, "value") ?? ""
        guard let plain = CellValues.plainDecimal(v) else {
          throw refuse("the cell is a number but its value is '\(v)'; expected a number.")
        }
        // LibreOffice keeps the booleans of an XLSX as numbers shown TRUE/FALSE, or as the formulas TRUE() and FALSE().
        let formula = attribute(ODSReader.table, "formula")?.uppercased()
        if formula == "OF:=TRUE()" || formula == "OF:=FALSE()" { return .bool(formula == "OF:=TRUE()") }
        let style = attribute(ODSReader.table, "style-name") ?? (column < columnDefaults.count ? columnDefaults[column] : nil)
        if let style, let data = cellDataStyles[style], booleanDataStyles.contains(data) { return .bool(plain != "0") }
        return .number(plain)
      case "date":
        let v = attribute(ODSReader.office, "date-value") ?? ""
        let day = String(v.prefix(10))
        guard CellValues.days(day) != nil else { throw refuse("the cell is a date but its value is '\(v)'; expected a date YYYY-MM-DD.") }
        return .date(day)
      case "boolean":
        switch attribute(ODSReader.office, "boolean-value") {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case let v: throw refuse("the cell is a boolean but its value is '\(v ?? "")'; expected true or false.")
        }
      default:
        // string, and time: the text shown.
        let shown = attribute(ODSReader.office, "string-value") ?? paragraphs.joined(separator: "\n")
        return shown.isEmpty ? .empty : .text(shown)
      }
    }
  }
}
