/// Reads the first sheet of an XLSX package (ECMA-376 Part 1): found through the package's and the
/// workbook's relationships, its strings shared or inline, its numbers as dates where their number format
/// is a date's, its error cells refused.
enum XLSXReader {
  static func table(_ source: PackageSource) throws(ServiceError) -> SheetTable {
    // The workbook, by the package's relationship (xl/workbook.xml in every file seen).
    let root = try source.optionalTree("_rels/.rels").map { relationships($0, base: "") } ?? [:]
    let workbookPath = root.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    let workbook = try source.tree(workbookPath, "the workbook").root
    let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
    let relsPath =
      (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
    let rels = try source.optionalTree(relsPath).map { relationships($0, base: folder) } ?? [:]

    guard let sheet = workbook.child("sheets")?.elements.first(where: { $0.name.local == "sheet" }) else {
      throw source.refusal("its workbook lists no sheet; expected at least one")
    }
    let sheetName = sheet.attributes.first { $0.key.local == "name" }?.value ?? "1"
    let id = sheet.attributes.first { $0.key.local == "id" && !$0.key.uri.isEmpty }?.value
    guard let id, let sheetPath = rels[id]?.target else {
      throw source.refusal(
        "its workbook does not say where the sheet '\(sheetName)' is (no relationship \(id ?? "")); expected an XLSX workbook")
    }
    let properties = workbook.child("workbookPr")?.attributes.first { $0.key.local == "date1904" }?.value
    let epoch = properties == "1" || properties == "true" ? CellValues.serialEpoch1904 : CellValues.serialEpoch

    let shared =
      try rels.values.first { $0.type.hasSuffix("/sharedStrings") }.map { (r: Relationship) throws(ServiceError) in
        try source.tree(r.target, "the shared strings").root.elements.filter { $0.name.local == "si" }.map(richText)
      } ?? []
    let dateStyles =
      try rels.values.first { $0.type.hasSuffix("/styles") }.map { (r: Relationship) throws(ServiceError) in
        try datesByStyle(source.tree(r.target, "the styles").root)
      } ?? []

    let sheetReader = SheetHandler(shared: shared, dateStyles: dateStyles, epoch: epoch, source: source)
    try source.stream(sheetPath, "the sheet '\(sheetName)'", into: sheetReader)
    return try sheetReader.grid.table(file: source.file, sheet: sheetName)
  }

  /// Reads a worksheet's `sheetData` as it streams by: rows, their cells, each cell's value.
  final class SheetHandler: XMLHandler {
    let shared: [String]
    let dateStyles: [Bool]
    let epoch: Int
    let source: PackageSource
    var grid = SheetGrid()
    var rowNumber = 0
    var column = -1
    /// The cell being read: its type and style, its `v`, its inline string.
    var type: String?
    var style: Int?
    var v: String?
    var inline = ""
    /// Where the text goes: `v`, an inline string's `t` (not a phonetic hint's).
    var inV = false
    var inT = false
    var inPhonetic = false

    init(shared: [String], dateStyles: [Bool], epoch: Int, source: PackageSource) {
      self.shared = shared
      self.dateStyles = dateStyles
      self.epoch = epoch
      self.source = source
    }

    func start(_ name: XMLTree.Name, _ attributes: [XMLTree.Name: String]) throws(ServiceError) {
      switch name.local {
      case "row":
        rowNumber = attributes[.init(uri: "", local: "r")].flatMap { Int($0) } ?? rowNumber + 1
        guard rowNumber <= SheetGrid.maxRows else {
          throw source.refusal("its sheet has a row \(rowNumber), past the last one a sheet can have")
        }
        column = -1
      case "c":
        if let ref = attributes[.init(uri: "", local: "r")] {
          guard let at = CellValues.reference(ref), at.column < SheetGrid.maxColumns else {
            throw source.refusal("row \(rowNumber) has a cell named '\(ref)'; expected a reference such as C7")
          }
          column = at.column
        } else {
          column += 1
        }
        type = attributes[.init(uri: "", local: "t")]
        style = attributes[.init(uri: "", local: "s")].flatMap { Int($0) }
        v = nil
        inline = ""
      case "v":
        inV = true
        v = ""
      case "rPh":
        inPhonetic = true
      case "t":
        inT = true
      default:
        break
      }
    }

    func end(_ name: XMLTree.Name) throws(ServiceError) {
      switch name.local {
      case "v": inV = false
      case "rPh": inPhonetic = false
      case "t": inT = false
      case "c":
        let isDate = style.map { $0 < dateStyles.count && dateStyles[$0] } ?? false
        let cell = try XLSXReader.value(
          type: type ?? "n", v: v, inline: inline, shared: shared, isDate: isDate, epoch: epoch, row: rowNumber, column: column,
          source: source)
        grid.add(cell, row: rowNumber, column: column)
      default: break
      }
    }

    func text(_ text: String) {
      if inV { v? += text } else if inT && !inPhonetic { inline += text }
    }
  }

  /// One cell's value, by its type `t` (`n` when absent).
  static func value(
    type: String, v: String?, inline: String, shared: [String], isDate: Bool, epoch: Int, row: Int, column: Int, source: PackageSource
  ) throws(ServiceError) -> SheetTable.Cell {
    func refuse(_ sentence: String) -> ServiceError {
      ServiceError(.badInput, sentence, at: .init(line: row, file: source.file, place: SheetGrid.place(row: row, column: column)))
    }
    switch type {
    case "s":
      guard let v else { return .empty }
      guard let index = Int(v), shared.indices.contains(index) else {
        throw refuse("the cell points to shared string \(v), which the file does not hold; expected an intact .xlsx file.")
      }
      return shared[index].isEmpty ? .empty : .text(shared[index])
    case "inlineStr":
      let text = decode(inline)
      return text.isEmpty ? .empty : .text(text)
    case "str":
      return (v ?? "").isEmpty ? .empty : .text(decode(v ?? ""))
    case "b":
      switch v {
      case "1", "true": return .bool(true)
      case "0", "false": return .bool(false)
      case nil: return .empty
      default: throw refuse("the cell is marked as a boolean but holds '\(v ?? "")'; expected 1 or 0.")
      }
    case "d":
      guard let v else { return .empty }
      let day = String(v.prefix(10))
      guard CellValues.days(day) != nil else { throw refuse("the cell is marked as a date but holds '\(v)'; expected an ISO 8601 date.") }
      return .date(day)
    case "e":
      throw refuse("the cell holds the error \(v ?? "?"); expected a value (the formula's result, or the value typed in).")
    case "n":
      guard let v, !v.isEmpty else { return .empty }
      guard let plain = CellValues.plainDecimal(v) else {
        throw refuse("the cell is marked as a number but holds '\(v)'; expected a number.")
      }
      guard isDate else { return .number(plain) }
      guard let serial = Double(plain), serial >= 1, serial < 2_958_466 else {
        throw refuse("the cell has a date format but holds \(plain), which is no date; expected a date.")
      }
      var days = Int(serial.rounded(.down)) + epoch
      // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are one day late.
      if epoch == CellValues.serialEpoch && serial < 61 { days += 1 }
      return .date(CellValues.iso(days))
    case let other:
      throw refuse("the cell has the unknown type '\(other)'; expected n, s, str, inlineStr, b, d or e.")
    }
  }

  /// The text of a shared or inline string: its `t`, or the `t` of each run (phonetic hints left out).
  private static func richText(_ e: XMLTree.Element) -> String {
    var out = ""
    for child in e.elements {
      switch child.name.local {
      case "t": out += child.text
      case "r": out += child.child("t")?.text ?? ""
      default: break
      }
    }
    return decode(out)
  }

  /// `_xHHHH_` escapes (a character XML cannot carry, or a literal `_x…_` written `_x005F_x…_`) decoded.
  static func decode(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let r = rest.range(of: "_x") {
      out += rest[..<r.lowerBound]
      let after = rest[r.upperBound...]
      let hex = after.prefix(5)
      if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(value) {
        out.unicodeScalars.append(scalar)
        rest = after.dropFirst(5)
      } else {
        out += "_x"
        rest = after
      }
    }
    return out + rest
  }

  struct Relationship {
    var type: String
    var target: String
  }

  /// A relationships part, by Id, targets as paths in the package (relative ones resolved against `base`).
  private static func relationships(_ tree: XMLTree, base: String) -> [String: Relationship] {
    var out: [String: Relationship] = [:]
    for r in tree.root.elements where r.name.local == "Relationship" {
      guard let id = r.plain("Id"), let target = r.plain("Target") else { continue }
      out[id] = Relationship(type: r.plain("Type") ?? "", target: resolve(target, against: base))
    }
    return out
  }

  /// `target` as a path from the package's root: absolute (`/xl/…`) or relative to `base`, `..` resolved.
  static func resolve(_ target: String, against base: String) -> String {
    var parts = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
    for piece in target.split(separator: "/") {
      if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
    }
    return parts.joined(separator: "/")
  }

  /// For each cell format (`cellXfs`), whether its number format shows a date.
  private static func datesByStyle(_ styles: XMLTree.Element) -> [Bool] {
    var codes: [Int: String] = [:]
    for f in styles.child("numFmts")?.elements ?? [] where f.name.local == "numFmt" {
      if let id = f.plain("numFmtId").flatMap({ Int($0) }) { codes[id] = f.plain("formatCode") ?? "" }
    }
    return (styles.child("cellXfs")?.elements ?? []).filter { $0.name.local == "xf" }.map { xf in
      guard let id = xf.plain("numFmtId").flatMap({ Int($0) }) else { return false }
      if let code = codes[id] { return isDateFormat(code) }
      // Built-in formats: 14–17 and 22 are dates; 27–36 and 50–58 dates of East Asian locales (18–21, 45–47 are times).
      return (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }
  }

  /// Whether a format code shows a date: it has a day or a year outside its quoted text, escapes and brackets.
  static func isDateFormat(_ code: String) -> Bool {
    var inQuote = false
    var inBracket = false
    var escaped = false
    for ch in code {
      if escaped {
        escaped = false
        continue
      }
      switch ch {
      case "\"": inQuote.toggle()
      case "\\" where !inQuote: escaped = true
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case "d", "D", "y", "Y": if !inQuote && !inBracket { return true }
      case ";": return false  // the first section decides (positive numbers)
      default: break
      }
    }
    return false
  }
}

extension XMLTree.Element {
  /// The first child element named `local`, whatever its namespace (SpreadsheetML has a transitional and a strict one).
  func child(_ local: String) -> XMLTree.Element? {
    for case .element(let e) in children where e.name.local == local { return e }
    return nil
  }

  /// An unprefixed attribute.
  func plain(_ local: String) -> String? { attributes[XMLTree.Name(uri: "", local: local)] }
}
