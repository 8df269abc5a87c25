import TestSupport
import Testing

@testable import Journal
@testable import Projections
@testable import Service

/// FORMATS.md §2's two CSV dialects, cell by cell and on whole reports.
@Suite("CSV dialects")
struct CSVDialectTests {
  static let bom = "\u{FEFF}"

  @Test func csvFRIsForSpreadsheetsInFrench() {
    let fr = CSVDialect.spreadsheetFR
    let doc = fr.document(
      header: ["texte", "montant", "vrai", "faux", "date"],
      rows: [[.text("=1+1"), Bilan.Value.cents(42650).csvCell, .boolean(true), .boolean(false), .date("2022-12-31")]])
    #expect(doc.unicodeScalars.first == "\u{FEFF}")
    #expect(doc.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    let lines = doc.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2)
    #expect(!doc.replacing("\r\n", with: "").contains("\n"), "a line break without its CR")
    #expect(lines[1] == "'=1+1;426,50;oui;non;2022-12-31")
    // Numbers are never prefixed, negative ones stay numbers; text that starts like one is defused.
    #expect(fr.cell(.number("-12.5")) == "-12,5")
    #expect(fr.cell(.text("-12,5")) == "\"'-12,5\"")
    for start in ["=", "+", "-", "@", "\t"] {
      #expect(fr.cell(.text(start + "SOMME(A1)")) == "'" + start + "SOMME(A1)", "\(start.debugDescription)")
    }
    #expect(fr.cell(.text("\rx")) == "\"'\rx\"")
    #expect(fr.cell(.text("Emmaüs Mundo")) == "Emmaüs Mundo")
    #expect(fr.cell(.text("")) == "")
    #expect(fr.cell(.empty) == "")
  }

  @Test func csvIsOpenData() {
    let open = CSVDialect.openData
    let doc = open.document(
      header: ["text", "amount", "yes", "no"], rows: [[.text("=1+1"), Bilan.Value.cents(-1250).csvCell, .boolean(true), .boolean(false)]])
    #expect(!doc.hasPrefix(Self.bom) && doc.utf8.first == UInt8(ascii: "t"))
    #expect(doc == "text,amount,yes,no\r\n=1+1,-12.50,true,false")
    #expect(open.cell(.number("0.8571428571428571")) == "0.8571428571428571")
  }

  @Test(arguments: [CSVDialect.openData, .spreadsheetFR])
  func bothQuoteAsRFC4180Says(_ dialect: CSVDialect) {
    #expect(dialect.cell(.text("a;b")) == "\"a;b\"")
    #expect(dialect.cell(.text("a,b")) == "\"a,b\"")
    #expect(dialect.cell(.text(#"dit "oui""#)) == #""dit ""oui""""#)
    #expect(dialect.cell(.text("ligne\r\nsuivante")) == "\"ligne\r\nsuivante\"")
    #expect(dialect.cell(.text("fin\n")) == "\"fin\n\"")
    #expect(dialect.cell(.text("«\u{a0}»é")) == "«\u{a0}»é")
    let row = dialect.row([.text("x;y"), .text("z,w")])
    #expect(row == "\"x;y\"" + String(dialect.separator) + "\"z,w\"")
  }

  @Test func eurosKeepTheirCentsAndSharesTheirDigits() {
    #expect(Bilan.Value.cents(42650).csvCell == .number("426.50"))
    #expect(Bilan.Value.cents(5).csvCell == .number("0.05"))
    #expect(Bilan.Value.cents(-1205).csvCell == .number("-12.05"))
    #expect(Bilan.Value.integer(-3).csvCell == .number("-3"))
    #expect(Bilan.Value.fraction(6, 7).csvCell == .number(Bilan.Value.fraction(6, 7).json.canonicalString))
    #expect(Bilan.Value.null.csvCell == .empty)
  }

  @Test func aBilanInEitherDialect() throws {
    var bilan = BilanState().bilan(year: 2022, asKnownOn: nil, journalSeq: 0, journalHash: .zero)
    bilan.indicators[0].value = .cents(-1250)
    let fr = bilan.csv(language: .fr, dialect: .spreadsheetFR)
    let open = bilan.csv(language: .fr, dialect: .openData)
    #expect(fr.hasPrefix(Self.bom + "key;label;value;unit\r\n"))
    #expect(open.hasPrefix("key,label,value,unit\r\n"))
    let first = bilan.indicators[0]
    #expect(fr.contains("\r\n\(first.key);\(BilanLabels.label(first.key, .fr));-12,50;"))
    #expect(open.contains("\r\n\(first.key),\(BilanLabels.label(first.key, .fr)),-12.50,"))
    #expect(open.split(separator: "\r\n").count == bilan.indicators.count + 1)
  }
}
