import Testing

@testable import Service

/// Files written by hand from ECMA-376 and ODF 1.3 the way other programs write them (shared strings, rich text,
/// relationships elsewhere than ess puts them, repeated rows and cells), and damaged files.
@Suite("Spreadsheet readers")
struct SpreadsheetReaderTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func part(_ path: String, _ xml: String) -> ZipPackage.Part { ZipPackage.Part(path: path, bytes: Array(xml.utf8)) }

  /// An XLSX whose workbook is elsewhere, whose first sheet is `sheet` at an absolute target, with shared strings and styles.
  static func xlsx(sheet: String, date1904: Bool = false, sharedStrings: [String] = Self.shared) -> [UInt8] {
    ZipPackage.make([
      part(
        "_rels/.rels",
        "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"R9\" Type=\"\(rel)/officeDocument\" Target=\"/book/wb.xml\"/></Relationships>"),
      part(
        "book/wb.xml",
        "<x:workbook xmlns:x=\"\(main)\" xmlns:rr=\"\(rel)\">\(date1904 ? "<x:workbookPr date1904=\"1\"/>" : "")<x:sheets>"
          + "<x:sheet name=\"Heures\" sheetId=\"7\" rr:id=\"s1\"/><x:sheet name=\"Autre\" sheetId=\"8\" rr:id=\"s2\"/></x:sheets></x:workbook>"
      ),
      part(
        "book/_rels/wb.xml.rels",
        "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"s2\" Type=\"\(rel)/worksheet\" Target=\"sheets/other.xml\"/>"
          + "<Relationship Id=\"s1\" Type=\"\(rel)/worksheet\" Target=\"/book/sheets/data.xml\"/>"
          + "<Relationship Id=\"t\" Type=\"\(rel)/sharedStrings\" Target=\"strings.xml\"/>"
          + "<Relationship Id=\"st\" Type=\"\(rel)/styles\" Target=\"../book/styles.xml\"/></Relationships>"),
      part("book/strings.xml", "<sst xmlns=\"\(main)\">" + sharedStrings.joined() + "</sst>"),
      part(
        "book/styles.xml",
        "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"0.00\"/>"
          + "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"165\"/><xf numFmtId=\"20\"/></cellXfs></styleSheet>"
      ),
      part("book/sheets/data.xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>"),
      part(
        "book/sheets/other.xml",
        "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>no</t></is></c></row></sheetData></worksheet>"),
    ])
  }

  static let shared = [
    "<si><t>contractId</t></si>", "<si><r><t>ems-</t></r><r><rPr><b/></rPr><t>2022-0147</t></r><rPh><t>x</t></rPh></si>", "<si><t/></si>",
    "<si><t xml:space=\"preserve\"> 0512 _x0041_</t></si>",
  ]

  @Test func xlsxCellsOfEveryTypeGapsAndStyles() throws {
    let sheet = """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>insertionHours</t></is></c><c r="C1" t="str"><v>occurredOn</v></c>\
      <c r="D1" t="inlineStr"><is><r><t>when</t></r></is></c></row>\
      <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>1.25E3</v></c><c r="C3" s="1"><v>44742</v></c><c r="D3" s="3"><v>426.5</v></c></row>\
      <row r="7"><c t="b"><v>1</v></c><c t="d"><v>2023-01-05T00:00:00</v></c><c s="2"><v>45000.75</v></c><c s="4"><v>0.5</v></c></row>\
      <row r="8"><c r="B8"/><c r="C8" t="s"><v>2</v></c></row>\
      <row><c r="E9" t="s"><v>3</v></c><c><f>1+1</f><v>2</v></c></row>
      """
    let table = try SpreadsheetFormat.xlsx.table(Self.xlsx(sheet: sheet), file: "h.xlsx")
    #expect(table.header == ["contractId", "insertionHours", "occurredOn", "when"])
    #expect(
      table.rows == [
        .init(number: 3, cells: [.text("ems-2022-0147"), .number("1250"), .date("2022-06-30"), .number("426.5")]),
        .init(number: 7, cells: [.bool(true), .date("2023-01-05"), .date("2023-03-15"), .number("0.5")]),
        .init(number: 9, cells: [.empty, .empty, .empty, .empty, .text(" 0512 A"), .number("2")]),
      ])
  }

  @Test func xlsx1904DatesCountFrom1904() throws {
    let table = try SpreadsheetFormat.xlsx.table(
      Self.xlsx(sheet: "<row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"2\"><c s=\"1\"><v>43280</v></c></row>", date1904: true),
      file: "h.xlsx")
    // In the 1904 system 2022-06-30 is serial 43 280: 1 462 days less than its 44 742 in the 1900 system.
    #expect(table.rows == [.init(number: 2, cells: [.date("2022-06-30")])])
  }

  @Test func xlsxRefusesErrorCellsAndBrokenReferences() throws {
    let cases: [(String, [String])] = [
      (
        "<row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"4\"><c r=\"B4\" t=\"e\"><v>#DIV/0!</v></c></row>",
        ["Row 4, column B", "#DIV/0!"]
      ),
      (
        "<row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"C2\" t=\"s\"><v>99</v></c></row>",
        ["Row 2, column C", "shared string 99"]
      ),
      ("<row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\"><v>12abc</v></c></row>", ["Row 2, column A", "'12abc'"]),
      ("<row r=\"1\"><c r=\"7C\" t=\"s\"><v>0</v></c></row>", ["h.xlsx", "'7C'"]),
      ("<row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"2\"><c t=\"b\"><v>yes</v></c></row>", ["Row 2, column A", "'yes'", "1 or 0"]),
      ("", ["h.xlsx", "'Heures' is empty", "header row"]),
    ]
    for (sheet, words) in cases {
      let error = #expect(throws: ServiceError.self) { try SpreadsheetFormat.xlsx.table(Self.xlsx(sheet: sheet), file: "h.xlsx") }
      #expect(error?.code == .badInput)
      for word in words { #expect(error?.description.contains(word) == true, "\(word) not in: \(error?.description ?? "")") }
    }
  }

  static let odf = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    """

  static func ods(_ rows: String, mimetype: String = "application/vnd.oasis.opendocument.spreadsheet") -> [UInt8] {
    ZipPackage.make([
      ZipPackage.Part(path: "mimetype", bytes: Array(mimetype.utf8), stored: true),
      part(
        "content.xml",
        "<office:document-content \(odf)><office:body><office:spreadsheet><table:table table:name=\"Feuille1\">"
          + "<table:table-column table:number-columns-repeated=\"1024\"/>\(rows)</table:table>"
          + "<table:table table:name=\"Feuille2\"><table:table-row><table:table-cell office:value-type=\"string\"><t:p>no</t:p></table:table-cell>"
          + "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"),
    ])
  }

  @Test func odsRepeatsGroupsAndValueTypes() throws {
    let rows = """
      <table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><t:p>a</t:p></table:table-cell>\
      <table:table-cell office:value-type="string" table:number-columns-repeated="2"><t:p><t:span>b </t:span>  c<t:s t:c="2"/>d</t:p></table:table-cell>\
      <table:table-cell office:value-type="string" office:string-value="e"><t:p>shown</t:p></table:table-cell>\
      <table:table-cell table:number-columns-repeated="1020"/></table:table-row></table:table-header-rows>\
      <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>\
      <table:table-row-group><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="1E-05"/>\
      <table:covered-table-cell/><table:table-cell office:value-type="percentage" office:value="0.25"/>\
      <table:table-cell office:value-type="currency" office:value="426.5"/></table:table-row></table:table-row-group>\
      <table:table-row><table:table-cell office:value-type="date" office:date-value="2022-06-30T00:00:00"/>\
      <table:table-cell office:value-type="boolean" office:boolean-value="false"/><table:table-cell/>\
      <table:table-cell office:value-type="string"><t:p>x</t:p><t:p>y</t:p></table:table-cell></table:table-row>\
      <table:table-row table:number-rows-repeated="1048568"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
      """
    let table = try SpreadsheetFormat.ods.table(Self.ods(rows), file: "h.ods")
    #expect(table.header == ["a", "b c  d", "b c  d", "e"])
    let numbers: [SheetTable.Cell] = [.number("0.00001"), .empty, .number("0.25"), .number("426.5")]
    #expect(
      table.rows == [
        .init(number: 5, cells: numbers), .init(number: 6, cells: numbers),
        .init(number: 7, cells: [.date("2022-06-30"), .bool(false), .empty, .text("x\ny")]),
      ])
  }

  @Test func odsRefusals() throws {
    let cases: [([UInt8], [String])] = [
      (Self.ods("", mimetype: "application/vnd.oasis.opendocument.text"), ["h.ods", "opendocument.text", "not a spreadsheet"]),
      (
        Self.ods("<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"x\"/></table:table-row>"),
        ["Row 1, column A", "'x'"]
      ),
      (
        Self.ods(
          "<table:table-row table:number-rows-repeated=\"2000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>"
        ),
        ["h.ods", "past row 1048576"]
      ),
      (Self.ods(""), ["h.ods", "'Feuille1' is empty"]),
      (
        ZipPackage.make([Self.part("content.xml", "<office:document-content \(Self.odf)><office:body/></office:document-content>")]),
        ["h.ods", "no table"]
      ),
    ]
    for (bytes, words) in cases {
      let error = #expect(throws: ServiceError.self) { try SpreadsheetFormat.ods.table(bytes, file: "h.ods") }
      for word in words { #expect(error?.description.contains(word) == true, "\(word) not in: \(error?.description ?? "")") }
    }
  }

  /// Files that are no spreadsheet, or damaged ones: one sentence naming the file and what was expected.
  @Test(arguments: SpreadsheetFormat.allCases)
  func damagedFilesAreRefused(_ format: SpreadsheetFormat) throws {
    let good = format.bytes(SpreadsheetSample.workbook)
    let main = format == .xlsx ? "xl/worksheets/sheet1.xml" : "content.xml"
    var corrupted = good
    // The first bytes of the main part's compressed data, just after its local header (30 bytes and its name).
    let header = try #require(Self.find(Array(main.utf8), in: good))
    for i in (header + main.utf8.count + 8)..<(header + main.utf8.count + 40) { corrupted[i] ^= 0x5A }
    let cases: [([UInt8], [String])] = [
      (Array("key,value\n1,2\n".utf8), ["f.\(format.rawValue) is not a ZIP archive", ".\(format.rawValue)"]),
      (Array(good.prefix(good.count / 2)), ["is not a ZIP archive"]),
      (corrupted, ["is damaged", main]),
      (ZipPackage.make([Self.part("hello.txt", "hello")]), [format == .xlsx ? "no xl/workbook.xml" : "no content.xml"]),
      (
        ZipPackage.make(format == .xlsx ? [Self.part("xl/workbook.xml", "<workbook><sheets>")] : [Self.part("content.xml", "<a><b></a>")]),
        ["not well-formed XML", "line 1"]
      ),
    ]
    for (bytes, words) in cases {
      let error = #expect(throws: ServiceError.self) { try format.table(bytes, file: "f.\(format.rawValue)") }
      #expect(error?.code == .badInput)
      #expect(error?.location.file == "f.\(format.rawValue)")
      for word in words { #expect(error?.description.contains(word) == true, "\(word) not in: \(error?.description ?? "")") }
    }
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
  }
}
