import Testing

@testable import Service

@Suite("CSV reader")
struct CSVReaderTests {
  func read(_ text: String, severalColumns: Bool = true) throws -> CSVReader.Result {
    try CSVReader.read(Array(text.utf8), severalColumns: severalColumns)
  }

  func refusal(_ bytes: [UInt8], encoding: TextEncoding = .utf8) -> ServiceError? {
    do {
      _ = try CSVReader.read(bytes, encoding: encoding)
      return nil
    } catch {
      return error
    }
  }

  @Test func aWindows1252FileIsRefusedWithoutEncodingAndReadWithIt() throws {
    // "nom;montant\r\nCafé œuvre;12 €\r\n" in Windows-1252: é = E9, œ = 9C, € = 80.
    var bytes = Array("nom;montant\r\nCaf".utf8) + [0xE9, 0x20, 0x9C] + Array("uvre;12 ".utf8) + [0x80] + Array("\r\n".utf8)
    let error = try #require(refusal(bytes))
    #expect(error.message.contains("not UTF-8 (perhaps Windows-1252: give --encoding windows-1252)"))
    #expect(error.message.contains("byte offset 16"))
    #expect(error.location.line == 2)
    let read = try CSVReader.read(bytes, encoding: .windows1252)
    #expect(read.table.header == ["nom", "montant"])
    #expect(read.table.rows == [SheetTable.Row(number: 2, cells: [.text("Café œuvre"), .text("12 €")])])
    // Its five undefined bytes are refused, at their offset.
    bytes[16] = 0x81
    let undefined = try #require(refusal(bytes, encoding: .windows1252))
    #expect(undefined.message.contains("0x81") && undefined.message.contains("byte offset 16"))
  }

  @Test func theWindows1252TableDecodesEveryDefinedByte() {
    let defined = (0..<256).filter { !Windows1252.table[$0].isEmpty }
    #expect(defined.count == 251)
    #expect(Set([0x81, 0x8D, 0x8F, 0x90, 0x9D]).isDisjoint(with: defined))
    #expect(String(decoding: Windows1252.table[0x80], as: UTF8.self) == "€")
    #expect(String(decoding: Windows1252.table[0x9C], as: UTF8.self) == "œ")
    #expect(String(decoding: Windows1252.table[0x8C], as: UTF8.self) == "Œ")
    #expect(String(decoding: Windows1252.table[0x92], as: UTF8.self) == "’")
    #expect(String(decoding: Windows1252.table[0xE9], as: UTF8.self) == "é")
    #expect(String(decoding: Windows1252.table[0xA0], as: UTF8.self) == "\u{00A0}")
  }

  @Test func aBOMFollowedByInvalidUTF8IsRefusedAtItsByteOffset() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\r\nx;".utf8) + [0xC3, 0x28] + Array("\r\n".utf8)
    let error = try #require(refusal(bytes))
    #expect(error.message.contains("byte-order mark") && error.message.contains("byte offset 10"), "\(error)")
    // Even when Windows-1252 is asked: the mark says UTF-8.
    #expect(refusal(bytes, encoding: .windows1252)?.message.contains("byte offset 10") == true)
    // Overlong forms, surrogates and truncated sequences are not UTF-8 either.
    for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
      #expect(UTF8Check.firstInvalid(Array("a;b\n".utf8) + bad, from: 0) == 4)
    }
    #expect(UTF8Check.firstInvalid(Array("héhé € 𝄞 plain ascii text, long enough".utf8), from: 0) == nil)
  }

  @Test func aBOMIsStrippedAndTheSeparatorTakenFromTheHeader() throws {
    let semicolons = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("a;b\r\n1,5;2\r\n".utf8))
    #expect(semicolons.table.header == ["a", "b"])
    #expect(semicolons.table.rows[0].cells == [.text("1,5"), .text("2")])
    let commas = try read("a,b\n\"1,5\",2\n")
    #expect(commas.table.rows[0].cells == [.text("1,5"), .text("2")])
    // A name holding the other separator, quoted, is not ambiguous.
    #expect(try read("\"a;x\",b\n1,2\n").table.header == ["a;x", "b"])
  }

  @Test func aHeaderWithBothSeparatorsOrNeitherIsRefused() throws {
    let both = try #require(refusal(Array("a;b,c\n1;2,3\n".utf8)))
    #expect(both.message.contains("both ';'") && both.location.line == 1)
    let neither = try #require(refusal(Array("contractId\nems-1\n".utf8)))
    #expect(neither.message.contains("neither ';' nor ','"))
    // One column is fine when one is all that is expected.
    #expect(try read("books\n12\n", severalColumns: false).table.rows.map(\.cells) == [[.text("12")]])
  }

  @Test func quotedCellsHoldSeparatorsQuotesAndLineBreaksAndRowsAreNumberedByTheirFirstLine() throws {
    let text = "nom;note\r\n\"Emmaüs; Mundo\";\"dit \"\"le grand\"\"\"\r\n\"Lire\r\net faire lire\";\"a\nb\nc\"\r\nx;y\r\n"
    let read = try read(text)
    #expect(read.problems.isEmpty)
    #expect(read.table.rows.map(\.number) == [2, 3, 7])
    #expect(read.table.rows[0].cells == [.text("Emmaüs; Mundo"), .text("dit \"le grand\"")])
    #expect(read.table.rows[1].cells == [.text("Lire\r\net faire lire"), .text("a\nb\nc")])
    #expect(read.table.rows[2].cells == [.text("x"), .text("y")])
  }

  @Test func rowsWithTheWrongNumberOfCellsAreRefusedOneByOne() throws {
    let read = try read("a;b;c\n1;2;3\n1;2\n1;2;3;4\n\n;;\n7;8;9\n\n\n")
    #expect(read.table.rows.map(\.number) == [2, 7])
    #expect(read.problems.map(\.location.line) == [3, 4])
    #expect(read.problems.map(\.location.place) == ["Row 3", "Row 4"])
    #expect(read.problems[0].message.contains("has 2 cell(s) but the header has 3"))
    #expect(read.problems[1].message.contains("has 4 cell(s) but the header has 3"))
  }

  @Test func textAfterAClosingQuoteAndAQuoteNeverClosedAreRefused() throws {
    let after = try read("a;b\n\"x\"y;2\n3;4\n")
    #expect(after.problems.map(\.location.line) == [2])
    #expect(after.problems[0].message.contains("after its closing quote"))
    #expect(after.table.rows.map(\.number) == [3])
    let open = try #require(refusal(Array("a;b\n1;2\n\"x;2\n3;4\n".utf8)))
    #expect(open.location.line == 3 && open.message.contains("never closed"))
  }

  @Test func anEmptyFileIsRefused() {
    #expect(refusal(Array(" \r\n\n".utf8))?.message.contains("empty") == true)
    #expect(refusal([0xEF, 0xBB, 0xBF])?.message.contains("empty") == true)
  }
}
