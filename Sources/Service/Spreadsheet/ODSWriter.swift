/// The parts of a minimal ODS package (OpenDocument 1.3): `mimetype` first and stored, the manifest,
/// `content.xml` with typed cells (`office:value-type`) and their data styles, and `styles.xml`.
enum ODSWriter {
  static let mimetype = "application/vnd.oasis.opendocument.spreadsheet"
  static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"
    """

  static func parts(_ workbook: Workbook) -> [ZipPackage.Part] {
    [
      ZipPackage.Part(path: "mimetype", bytes: Array(mimetype.utf8), stored: true),
      part("META-INF/manifest.xml", manifest),
      part("styles.xml", "<office:document-styles \(namespaces)><office:styles/></office:document-styles>"),
      part("content.xml", content(workbook)),
    ]
  }

  private static func part(_ path: String, _ xml: String) -> ZipPackage.Part {
    ZipPackage.Part(path: path, bytes: Array((XMLText.declaration + xml).utf8))
  }

  private static let manifest = """
    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
    <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mimetype)"/>\
    <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
    <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
    </manifest:manifest>
    """

  /// Data styles (ISO date, two decimals, text, TRUE/FALSE), the cell styles over them, and the header's bold.
  private static let automaticStyles = """
    <office:automatic-styles>\
    <number:date-style style:name="N-date"><number:year number:style="long"/><number:text>-</number:text>\
    <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>\
    <number:number-style style:name="N-decimal"><number:number number:decimal-places="2" number:min-decimal-places="2" \
    number:min-integer-digits="1"/></number:number-style>\
    <number:text-style style:name="N-text"><number:text-content/></number:text-style>\
    <number:boolean-style style:name="N-bool"><number:boolean/></number:boolean-style>\
    <style:style style:name="ce-general" style:family="table-cell"/>\
    <style:style style:name="ce-text" style:family="table-cell" style:data-style-name="N-text"/>\
    <style:style style:name="ce-decimal" style:family="table-cell" style:data-style-name="N-decimal"/>\
    <style:style style:name="ce-date" style:family="table-cell" style:data-style-name="N-date"/>\
    <style:style style:name="ce-bool" style:family="table-cell" style:data-style-name="N-bool"/>\
    <style:style style:name="ce-header" style:family="table-cell" style:data-style-name="N-text">\
    <style:text-properties fo:font-weight="bold"/></style:style>\
    </office:automatic-styles>
    """

  private static func styleName(_ style: Workbook.Style) -> String {
    switch style {
    case .general: "ce-general"
    case .text: "ce-text"
    case .decimal: "ce-decimal"
    case .date: "ce-date"
    }
  }

  private static func content(_ workbook: Workbook) -> String {
    var out = "<office:document-content \(namespaces)>"
    var columnStyles = ""
    var body = ""
    for (t, sheet) in workbook.sheets.enumerated() {
      body += "<table:table table:name=\"\(XMLText.escape(sheet.safeName))\">"
      for c in 0..<sheet.width {
        let name = "co\(t + 1)-\(c + 1)"
        // A character of an 11-point font is about 0.23 cm wide.
        let centimetres = Double(sheet.characters(c) * 23) / 100
        columnStyles +=
          "<style:style style:name=\"\(name)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(centimetres)cm\"/></style:style>"
        body += "<table:table-column table:style-name=\"\(name)\" table:default-cell-style-name=\"\(styleName(sheet.style(c)))\"/>"
      }
      if !sheet.header.isEmpty {
        body += "<table:table-header-rows><table:table-row>"
        for name in sheet.header { body += stringCell(name, style: "ce-header") }
        body += "</table:table-row></table:table-header-rows>"
      }
      for row in sheet.rows {
        body += "<table:table-row>"
        for (c, cell) in row.enumerated() { body += self.cell(cell, style: sheet.style(c)) }
        if row.isEmpty { body += "<table:table-cell/>" }
        body += "</table:table-row>"
      }
      body += "</table:table>"
    }
    out += automaticStyles.replacing("</office:automatic-styles>", with: columnStyles + "</office:automatic-styles>")
    return out + "<office:body><office:spreadsheet>\(body)</office:spreadsheet></office:body></office:document-content>"
  }

  private static func cell(_ cell: SheetTable.Cell, style: Workbook.Style) -> String {
    switch cell {
    case .empty:
      return "<table:table-cell/>"
    case .text(let text):
      return stringCell(text, style: styleName(style))
    case .number(let literal):
      guard let plain = CellValues.plainDecimal(literal) else { return stringCell(literal, style: styleName(style)) }
      let name = style == .decimal ? "ce-decimal" : "ce-general"
      return
        "<table:table-cell table:style-name=\"\(name)\" office:value-type=\"float\" office:value=\"\(plain)\"><text:p>\(plain)</text:p></table:table-cell>"
    case .date(let iso):
      guard CellValues.days(iso) != nil else { return stringCell(iso, style: styleName(style)) }
      return
        "<table:table-cell table:style-name=\"ce-date\" office:value-type=\"date\" office:date-value=\"\(iso)\"><text:p>\(iso)</text:p></table:table-cell>"
    case .bool(let b):
      return
        "<table:table-cell table:style-name=\"ce-bool\" office:value-type=\"boolean\" office:boolean-value=\"\(b)\"><text:p>\(b ? "TRUE" : "FALSE")</text:p></table:table-cell>"
    }
  }

  private static func stringCell(_ text: String, style: String) -> String {
    "<table:table-cell table:style-name=\"\(style)\" office:value-type=\"string\">\(paragraphs(text))</table:table-cell>"
  }

  /// `text` as `text:p` paragraphs (one per line: LF, CRLF and CR alike), with the white space ODF would
  /// collapse written as `text:s` (leading or trailing spaces, and spaces after the first) and `text:tab`.
  static func paragraphs(_ text: String) -> String {
    let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    var out = ""
    for line in lines {
      out += "<text:p>"
      var spaces = 0
      var atStart = true
      func flush(trailing: Bool = false) {
        guard spaces > 0 else { return }
        let literal = atStart || trailing ? 0 : 1
        if literal == 1 { out += " " }
        let coded = spaces - literal
        if coded == 1 { out += "<text:s/>" } else if coded > 1 { out += "<text:s text:c=\"\(coded)\"/>" }
        spaces = 0
      }
      for scalar in line.unicodeScalars {
        if scalar == " " {
          spaces += 1
          continue
        }
        flush()
        atStart = false
        out += scalar == "\t" ? "<text:tab/>" : XMLText.escape(String(scalar))
      }
      flush(trailing: true)
      out += "</text:p>"
    }
    return out
  }
}
