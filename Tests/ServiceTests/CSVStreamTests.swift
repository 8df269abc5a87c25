import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

/// A large CSV file read a part at a time (`CSVParts`) gives what the whole file read at once gives: the same rows,
/// numbered alike, the same refusals, word for word, wherever the blocks end (inside a quoted cell, between the
/// bytes of one character, inside the byte-order mark).
@Suite("CSV read in parts")
struct CSVStreamTests {
  /// What reading gave: the header, the rows, the problems; or the refusal.
  enum Outcome: Equatable {
    case read([String], [SheetTable.Row], [String])
    case refused(String)
  }

  static func describe(_ e: ServiceError) -> String { "\(e.message) @\(e.location.line ?? -1) \(e.location.place ?? "")" }

  static func whole(_ bytes: [UInt8], _ encoding: TextEncoding) -> Outcome {
    do throws(ServiceError) {
      let r = try CSVReader.read(bytes, encoding: encoding)
      return .read(r.table.header, r.table.rows, r.problems.map(describe))
    } catch {
      return .refused(describe(error))
    }
  }

  static func parts(_ bytes: [UInt8], _ encoding: TextEncoding, head: Int, block: Int, in folder: String) throws -> Outcome {
    let path = folder + "/t.csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let input = try InputFile(path)
    let parts = CSVParts<[SheetTable.Row]>(
      input, head: try input.read(upTo: head), encoding: encoding, severalColumns: true, blockBytes: block)
    do throws(ServiceError) {
      let header = try parts.readHeader()
      parts.convert = { $0 }
      var rows: [SheetTable.Row] = []
      var problems: [String] = []
      while let part = try parts.next() {
        rows += part.converted
        problems += part.problems.map(describe)
      }
      return .read(header, rows, problems)
    } catch {
      return .refused(describe(error))
    }
  }

  /// A random table: quoted cells with separators, doubled quotes and line breaks, CRLF or LF, blank lines,
  /// accented and four-byte characters, rows of the wrong length, text after a closing quote, maybe a BOM.
  static func table(_ rng: inout Seeded) -> [UInt8] {
    let sep = Bool.random(using: &rng) ? ";" : ","
    let eol = Bool.random(using: &rng) ? "\r\n" : "\n"
    let words = ["a", "é", "€uro", "𝄞", "1 250", "x\"y", "", " ", "Strasbourg"]
    func cell() -> String {
      switch Int.random(in: 0..<8, using: &rng) {
      case 0: return "\"" + words.randomElement(using: &rng)! + sep + "\"\"q\"\"" + "\n" + "z\""
      case 1: return "\"" + words.randomElement(using: &rng)!.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      case 2: return "\"ab\"cd"  // text after a closing quote
      default: return words.randomElement(using: &rng)!.replacingOccurrences(of: "\"", with: "")
      }
    }
    var text = Int.random(in: 0..<4, using: &rng) == 0 ? "\u{FEFF}" : ""
    if Int.random(in: 0..<5, using: &rng) == 0 { text += eol }
    text += ["nom", "\"heures\(sep)total\"", "date"].joined(separator: sep) + eol
    for _ in 0..<Int.random(in: 0..<30, using: &rng) {
      if Int.random(in: 0..<10, using: &rng) == 0 {
        text += "  " + eol
        continue
      }
      let count = Int.random(in: 0..<12, using: &rng) == 0 ? 2 : 3
      text += (0..<count).map { _ in cell() }.joined(separator: sep)
      text += eol
    }
    if Bool.random(using: &rng), text.hasSuffix(eol) { text.removeLast(eol.count) }
    if Int.random(in: 0..<15, using: &rng) == 0 { text += "\"never closed" }
    return Array(text.utf8)
  }

  @Test func randomTablesReadInPartsGiveWhatTheyGiveReadWhole() throws {
    let f = try LedgerFixture()
    var rng = Seeded(seed: 2026_12_07)
    var refused = 0
    var rowsSeen = 0
    for _ in 0..<400 {
      let bytes = Self.table(&rng)
      let whole = Self.whole(bytes, .utf8)
      for block in [1, 2, 3, 7, 64] {
        let head = Int.random(in: 0...min(bytes.count, 40), using: &rng)
        let parted = try Self.parts(bytes, .utf8, head: head, block: block, in: f.root)
        #expect(parted == whole, "block \(block), head \(head): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
      }
      if case .read(_, let rows, _) = whole { rowsSeen += rows.count } else { refused += 1 }
    }
    // Both outcomes were exercised.
    #expect(refused > 5 && rowsSeen > 1000, "\(refused) refused, \(rowsSeen) rows")
  }

  @Test func aByteNotInTheEncodingIsRefusedAtTheSameOffsetAndLineInParts() throws {
    let f = try LedgerFixture()
    let body = "nom;heures\n" + String(repeating: "caf\u{E9};12\n", count: 40)
    var cases: [([UInt8], TextEncoding)] = []
    // Windows-1252: an undefined byte (0x81) late in the file; the same text read as UTF-8 (0xE9 is not UTF-8).
    var latin = Array(body.unicodeScalars.map { UInt8($0.value) })
    cases.append((latin, .windows1252))
    latin[latin.count - 4] = 0x81
    cases.append((latin, .windows1252))
    cases.append((latin, .utf8))
    // UTF-8 with a BOM, cut in the middle of a character, then a broken character near the end.
    var utf8 = [0xEF, 0xBB, 0xBF] + Array(body.utf8)
    cases.append((utf8, .utf8))
    cases.append((utf8, .windows1252))  // the BOM says UTF-8
    utf8[utf8.count - 5] = 0xC3
    utf8[utf8.count - 4] = 0x28
    cases.append((utf8, .utf8))
    cases.append((Array(utf8.dropLast(3) + [0xE2, 0x82]), .utf8))  // a character the file's end cuts
    for (bytes, encoding) in cases {
      let whole = Self.whole(bytes, encoding)
      for block in [1, 2, 5, 16] {
        for head in [0, 1, 2, 4] {
          #expect(try Self.parts(bytes, encoding, head: head, block: block, in: f.root) == whole, "\(encoding) block \(block) head \(head)")
        }
      }
    }
  }

  /// The whole import, streamed from the file in small blocks against the table read whole: the same events
  /// committed, the same report; and a dry run listing the same problems.
  @Test func aStreamedCSVImportCommitsWhatTheWholeOneCommits() throws {
    var csv = "identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV;date\r\n"
    for k in 0..<300 { csv += "\"ems-\(k % 7)\";\(100 + k);\(k % 20);\(1 + k % 9);0;\(10 + k % 18)/03/2022\r\n" }
    let bytes = Array(csv.utf8)
    let type = try TableImport.type(named: TableImportTests.hours)
    let options = TableImport.Options(author: "l.weber")
    func fixture() throws -> LedgerFixture {
      let f = try LedgerFixture()
      _ = try f.ledger().append(
        (0..<7).map {
          f.event(
            "procurement.contract-awarded", "2021-06-01",
            [
              "contractId": .string("ems-\($0)"), "title": "Entretien", "buyer": "ville", "awardee": "Envie", "amountEUR": 1000,
              "socialClause": true, "environmentalClause": false, "awardeeIsESS": true, "awardeeIsSME": true, "awardeeIsLocal": true,
            ])
        })
      return f
    }
    let a = try fixture()
    let read = try CSVReader.read(bytes)
    let whole = try TableImport.run(read.table, readProblems: read.problems, type: type, options: options, into: a.ledger(), dryRun: false)
    let b = try fixture()
    let path = b.root + "/h.csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let input = try InputFile(path)
    let told = Mutex<[Int]>([])
    let streamed = try TableImport.streamCSV(
      input, head: try input.read(upTo: 100), type: type, options: options, into: b.ledger(), dryRun: false, blockBytes: 333
    ) { done, total in
      told.withLock { $0.append(done) }
      #expect(total == bytes.count)
    }
    // Progress is told after each part, never backwards, up to the whole file.
    let steps = told.withLock { $0 }
    #expect(steps.count > 10 && steps == steps.sorted() && steps.last == bytes.count, "\(steps)")
    #expect(streamed.streamed && streamed.imported == 300 && whole.imported == 300)
    #expect(streamed.lines == whole.lines && streamed.seqs == whole.seqs)
    // The fixtures' journals were recorded at other instants: the events compared are what the table says.
    func said(_ path: String) throws -> [String] {
      try allRecords(path).map { "\($0.seq) \($0.type) \($0.occurredOn) \($0.author) \(String(decoding: $0.dataBytes, as: UTF8.self))" }
    }
    #expect(try said(a.path) == (try said(b.path)))

    // A dry run of a file with bad rows: the same problems, placed alike.
    let bad = csv.replacingOccurrences(of: "\r\n\"ems-3\";103;", with: "\r\n\"ems-3\";cent trois;")
      .replacingOccurrences(of: "\r\n\"ems-5\";105;", with: "\r\n\"ems-5\";105;1;2\r\n")
      .replacingOccurrences(of: "\r\n\"ems-6\";106;6;", with: "\r\n\"ems-6\";106;999;")
    let c = try fixture()
    let badRead = try CSVReader.read(Array(bad.utf8))
    let wholeDry = try TableImport.run(
      badRead.table, readProblems: badRead.problems, type: type, options: options, into: c.ledger(), dryRun: true)
    try Data(bad.utf8).write(to: URL(fileURLWithPath: path))
    let again = try InputFile(path)
    let streamedDry = try TableImport.streamCSV(
      again, head: try again.read(upTo: 10), type: type, options: options, into: c.ledger(), dryRun: true, blockBytes: 97)
    #expect(wholeDry.problems.count >= 3)
    #expect(streamedDry.problems.map(Self.describe) == wholeDry.problems.map(Self.describe))
    #expect(streamedDry.lines == wholeDry.lines)
  }
}
