/// The parts of a minimal XLSX package (ECMA-376 Part 1, SpreadsheetML): content types, relationships,
/// the workbook, its styles and one worksheet per sheet, strings inline (`t="inlineStr"`), never a formula.
enum XLSXWriter {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func parts(_ workbook: Workbook) -> [ZipPackage.Part] {
    let sheets = workbook.sheets.isEmpty ? [Workbook.Sheet(name: "Sheet", header: [], styles: [], rows: [])] : workbook.sheets
    var parts = [
      part("[Content_Types].xml", contentTypes(count: sheets.count)),
      part("_rels/.rels", rootRelationships),
      part("xl/workbook.xml", workbookPart(sheets)),
      part("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count)),
      part("xl/styles.xml", styles),
    ]
    for (i, sheet) in sheets.enumerated() { parts.append(part("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))) }
    return parts
  }

  private static func part(_ path: String, _ xml: String) -> ZipPackage.Part {
    ZipPackage.Part(path: path, bytes: Array((XMLText.declaration + xml).utf8))
  }

  private static func contentTypes(count: Int) -> String {
    let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    var out = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ml).sheet.main+xml\"/>"
    out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml).styles+xml\"/>"
    for i in 1...count { out += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"\(ml).worksheet+xml\"/>" }
    return out + "</Types>"
  }

  private static let rootRelationships =
    "<Relationships xmlns=\"\(packageRelationships)\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

  private static func workbookPart(_ sheets: [Workbook.Sheet]) -> String {
    var out = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
    var used: Set<String> = []
    for (i, sheet) in sheets.enumerated() {
      var name = sheet.safeName
      if used.contains(name.lowercased()) { name = String(name.prefix(27)) + " (\(i + 1))" }
      used.insert(name.lowercased())
      out += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    return out + "</sheets></workbook>"
  }

  private static func workbookRelationships(count: Int) -> String {
    var out = "<Relationships xmlns=\"\(packageRelationships)\">"
    for i in 1...count {
      out += "<Relationship Id=\"rId\(i)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
    }
    out += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
    return out + "</Relationships>"
  }

  /// Cell formats (`cellXfs`), by index: 0 general, 1 text `@`, 2 two decimals, 3 date `yyyy-mm-dd`, 4 the header (bold text).
  private static let styles = """
    <styleSheet xmlns="\(main)">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="5">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
    </cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """

  private static func styleIndex(_ style: Workbook.Style) -> Int {
    switch style {
    case .general: 0
    case .text: 1
    case .decimal: 2
    case .date: 3
    }
  }

  private static func worksheet(_ sheet: Workbook.Sheet) -> String {
    var out = "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
    if !sheet.header.isEmpty {
      out +=
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      out += "</sheetView></sheetViews>"
    }
    let width = sheet.width
    if width > 0 {
      out += "<cols>"
      for c in 0..<width {
        out +=
          "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(sheet.characters(c))\" style=\"\(styleIndex(sheet.style(c)))\" customWidth=\"1\"/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>"
    var rowNumber = 0
    if !sheet.header.isEmpty {
      rowNumber = 1
      out += "<row r=\"1\">"
      for (c, name) in sheet.header.enumerated() { out += inlineString(name, at: "\(CellValues.letters(c))1", style: 4) }
      out += "</row>"
    }
    for row in sheet.rows {
      rowNumber += 1
      out += "<row r=\"\(rowNumber)\">"
      for (c, cell) in row.enumerated() {
        out += self.cell(cell, at: "\(CellValues.letters(c))\(rowNumber)", style: sheet.style(c))
      }
      out += "</row>"
    }
    return out + "</sheetData></worksheet>"
  }

  private static func cell(_ cell: SheetTable.Cell, at ref: String, style: Workbook.Style) -> String {
    let s = styleIndex(style)
    switch cell {
    case .empty:
      return ""
    case .text(let text):
      return inlineString(text, at: ref, style: s)
    case .number(let literal):
      guard let plain = CellValues.plainDecimal(literal) else { return inlineString(literal, at: ref, style: s) }
      return "<c r=\"\(ref)\" s=\"\(style == .text || style == .date ? 0 : s)\"><v>\(plain)</v></c>"
    case .date(let iso):
      guard let days = CellValues.days(iso) else { return inlineString(iso, at: ref, style: s) }
      return "<c r=\"\(ref)\" s=\"3\"><v>\(days - CellValues.serialEpoch)</v></c>"
    case .bool(let b):
      return "<c r=\"\(ref)\" s=\"\(style == .text ? 0 : s)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
    }
  }

  /// A text cell: inline, as written (`_xHHHH_` would be read as an escape, so its `_` is escaped itself).
  private static func inlineString(_ text: String, at ref: String, style: Int) -> String {
    let escaped = XMLText.escape(escapingOOXMLEscapes(text))
    let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
    return "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t\(space)>\(escaped)</t></is></c>"
  }

  /// `_x0041_` in a text is an escape for "A" to a reader; a literal one is written `_x005F_x0041_`.
  static func escapingOOXMLEscapes(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let r = rest.range(of: "_x") {
      out += rest[..<r.lowerBound]
      let after = rest[r.upperBound...]
      let hex = after.prefix(5)
      if hex.count == 5, hex.last == "_", hex.dropLast().allSatisfy(\.isHexDigit) { out += "_x005F_x" } else { out += "_x" }
      rest = after
    }
    return out + rest
  }
}
