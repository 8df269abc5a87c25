import Testing

@testable import Service

@Suite("Spreadsheet writers and readers")
struct SpreadsheetRoundTripTests {
  @Test(arguments: SpreadsheetFormat.allCases)
  func whatIsWrittenIsReadBack(_ format: SpreadsheetFormat) throws {
    let bytes = format.bytes(SpreadsheetSample.workbook)
    #expect(try format.table(bytes, file: "sample.\(format.rawValue)") == SpreadsheetSample.table)
  }

  @Test(arguments: SpreadsheetFormat.allCases)
  func theSameWorkbookGivesTheSameBytes(_ format: SpreadsheetFormat) {
    #expect(format.bytes(SpreadsheetSample.workbook) == format.bytes(SpreadsheetSample.workbook))
  }

  @Test func odsStartsWithItsMimetypeStored() throws {
    let bytes = SpreadsheetFormat.ods.bytes(SpreadsheetSample.workbook)
    let mimetype = Array("application/vnd.oasis.opendocument.spreadsheet".utf8)
    // ZIP local file header: signature, …, method at 8 (0 = stored), name length at 26, extra length at 28, name at 30.
    #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
    #expect(bytes[8] == 0 && bytes[9] == 0)
    #expect(bytes[26] == 8 && bytes[27] == 0 && bytes[28] == 0 && bytes[29] == 0)
    #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
    #expect(Array(bytes[38..<(38 + mimetype.count)]) == mimetype)
  }

  @Test func xlsxHasTheMinimalPartsAndNoFormula() throws {
    let package = try ZipPackage(SpreadsheetFormat.xlsx.bytes(SpreadsheetSample.workbook))
    #expect(
      package.paths == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
      ])
    let sheet = String(decoding: try #require(try package.part("xl/worksheets/sheet1.xml")), as: UTF8.self)
    #expect(!sheet.contains("<f>") && !sheet.contains("<f "))
    #expect(sheet.contains("<t>05123456700012</t>"))
    #expect(sheet.contains("<t>=1+1</t>"))
    let styles = String(decoding: try #require(try package.part("xl/styles.xml")), as: UTF8.self)
    #expect(styles.contains("numFmtId=\"49\"") && styles.contains("formatCode=\"0.00\"") && styles.contains("yyyy\\-mm\\-dd"))
  }

  @Test func odsTextKeepsItsWhiteSpace() {
    #expect(ODSWriter.paragraphs(" a  b ") == "<text:p><text:s/>a <text:s/>b<text:s/></text:p>")
    #expect(ODSWriter.paragraphs("a\tb\nc") == "<text:p>a<text:tab/>b</text:p><text:p>c</text:p>")
  }

  @Test func ooxmlEscapesSurviveAsText() {
    let text = "_x0041_ and _x00e9_ and _x12"
    #expect(XLSXReader.decode(XLSXWriter.escapingOOXMLEscapes(text)) == text)
    #expect(XLSXReader.decode("a_x000D_b") == "a\rb")
  }
}

@Suite("Spreadsheet XML parts")
struct XMLTreeTests {
  /// Given a document whole, Foundation's parser fails at the end of one over 10 MB (a sheet of some 80 000 rows):
  /// parts are read as a stream.
  @Test func partsOverTenMegabytesAreRead() throws {
    let xml = "<a xmlns=\"urn:x\">" + String(repeating: "<!--0123456789-->\n", count: 700_000) + "<b c=\"d\">e</b></a>"
    #expect(xml.utf8.count > 12_000_000)
    let tree = try XMLTree(Array(xml.utf8))
    #expect(tree.root.name == XMLTree.Name(uri: "urn:x", local: "a"))
    #expect(tree.root.first("urn:x", "b")?.attribute("", "c") == "d")
    #expect(tree.root.first("urn:x", "b")?.text == "e")
  }

  @Test func prefixesResolveToNamespacesAndUndeclaredOnesAreRefused() throws {
    let tree = try XMLTree(Array("<p:a xmlns:p=\"urn:p\" xmlns:q=\"urn:q\" q:x=\"1\" y=\"2\"><q:b/></p:a>".utf8))
    #expect(tree.root.name == XMLTree.Name(uri: "urn:p", local: "a"))
    #expect(tree.root.attribute("urn:q", "x") == "1" && tree.root.attribute("", "y") == "2")
    #expect(tree.root.elements.map(\.name) == [XMLTree.Name(uri: "urn:q", local: "b")])
    #expect(throws: XMLTree.Failure.self) { try XMLTree(Array("<p:a><z:b/></p:a>".utf8)) }
  }
}
