import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

/// A large file is imported a part at a time, staged on disk: the journal,
/// the report and every refusal are those of the same file read whole.
@Suite("Streamed import")
struct StreamImportTests {
  /// A history as import lines: contracts, then reports on them, corrections of earlier lines, and books.
  static func lines(reports: Int, extra: [String] = []) -> [String] {
    var out: [String] = []
    for c in 0..<20 {
      out.append(
        #"{"type":"procurement.contract-awarded","occurredOn":"2021-01-\#(String(format: "%02d", c + 1))","author":"t","data":{"contractId":"c\#(c)","title":"Marché \#(c)","buyer":"ville","awardee":"A","amountEUR":\#(1000 + c),"socialClause":true,"environmentalClause":false,"awardeeIsESS":true,"awardeeIsSME":true,"awardeeIsLocal":\#(c % 2 == 0)}}"#
      )
    }
    var lastReport = 0
    for r in 0..<reports {
      if r % 97 == 50 && lastReport > 0 {
        // A correction of the last report (its seq is its line: no blank line before it).
        let target = lastReport
        out.append(
          #"{"type":"event.corrected","occurredOn":"2024-01-02","author":"t","reason":"recompte","data":{"target":\#(target),"data":{"contractId":"c\#(r % 20)","insertionHours":7,"trainingHours":1,"beneficiaries":1,"beneficiariesInQPV":0}}}"#
        )
      } else if r % 13 == 0 {
        out.append(
          #"{"type":"books.donation-counted","occurredOn":"2022-03-\#(String(format: "%02d", r % 28 + 1))","author":"t","data":{"books":\#(r + 1)}}"#
        )
      } else {
        out.append(
          #"{"type":"procurement.insertion-hours-reported","occurredOn":"2022-\#(String(format: "%02d", r % 12 + 1))-15","author":"t","data":{"contractId":"c\#(r % 20)","insertionHours":\#(r % 500 + 10),"trainingHours":3,"beneficiaries":2,"beneficiariesInQPV":1}}"#
        )
        lastReport = out.count
      }
    }
    return out + extra
  }

  final class Files {
    let root = FileManager.default.temporaryDirectory.path + "/ess-stream-" + UUID().uuidString.prefix(8)
    init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: root) }
    func write(_ lines: [String], _ name: String = "in.jsonl", bom: Bool = false) throws -> String {
      let text = (bom ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\n"
      try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
      return root + "/" + name
    }
  }

  func content(_ f: LedgerFixture) throws -> [String] {
    try f.records().map { "\($0.seq) \($0.type) \($0.occurredOn) \(String(decoding: $0.dataBytes, as: UTF8.self))" }
  }

  /// The first bytes read (to tell a large file from a small one) are cut into blocks like the rest; a line longer
  /// than a block, and a last line without its newline, are read whole.
  @Test func theFirstBytesReadAreCutInBlocksAndLongLinesStayWhole() throws {
    let files = try Files()
    let long =
      #"{"type":"books.donation-counted","occurredOn":"2022-05-01","author":"t","reason":"\#(String(repeating: "x", count: 1500))","data":{"books":3}}"#
    var lines = Self.lines(reports: 300)
    lines.insert(long, at: 40)
    lines.insert(long, at: 200)
    let path = try files.write(lines)
    // No newline after the last line.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try String(text.dropLast()).write(toFile: path, atomically: true, encoding: .utf8)
    let streamed = try LedgerFixture()
    let whole = try LedgerFixture()
    let a = try Importer.run(file: path, into: streamed.ledger(), dryRun: false, streamAbove: 20 << 10, blockBytes: 1 << 10)
    let b = try Importer.run(file: path, into: whole.ledger(), dryRun: false, streamAbove: Int.max - 1)
    #expect(a.streamed && !b.streamed)
    #expect(a.lines == b.lines && a.imported == b.imported && a.imported == lines.count)
    #expect(try content(streamed) == content(whole))
  }

  /// A first line longer than the first read (and than a block), with no newline in those bytes: read on until
  /// its end (the reader waited for a newline without reading any more).
  @Test func aFirstLineLongerThanTheFirstReadIsReadOn() throws {
    let files = try Files()
    // JSON allows whitespace between tokens: a valid line of about 6 KiB.
    let long =
      #"{"type":"books.donation-counted","occurredOn":"2022-05-01","author":"t",\#(String(repeating: " ", count: 6000))"data":{"books":3}}"#
    let path = try files.write([long] + Self.lines(reports: 50))
    let streamed = try LedgerFixture()
    let whole = try LedgerFixture()
    let a = try Importer.run(file: path, into: streamed.ledger(), dryRun: false, streamAbove: 4 << 10, blockBytes: 1 << 10)
    let b = try Importer.run(file: path, into: whole.ledger(), dryRun: false, streamAbove: Int.max - 1)
    #expect(a.streamed && a.imported == b.imported && a.imported == 51 + 20)
    #expect(try content(streamed) == content(whole))
  }

  @Test func aStreamedImportGivesTheSameJournalAsOneReadWhole() throws {
    let files = try Files()
    let path = try files.write(Self.lines(reports: 900), bom: true)
    let streamed = try LedgerFixture("streamed")
    let whole = try LedgerFixture("whole")
    let a = try Importer.run(file: path, into: streamed.ledger(), dryRun: false, streamAbove: 0, blockBytes: 8 << 10)
    let b = try Importer.run(file: path, into: whole.ledger(), dryRun: false, streamAbove: Int.max - 1)
    #expect(a.streamed && !b.streamed)
    #expect(a.imported == 920 && a.imported == b.imported && a.seqs == b.seqs && a.lines == b.lines && a.problems.isEmpty)
    #expect(try content(streamed) == content(whole))
    // Its own segment, verified whole, with its frame and id indexes, nothing left staged.
    #expect(try Verifier.verify(at: streamed.path).isIntact)
    let files2 = try FileManager.default.contentsOfDirectory(atPath: streamed.path + "/segments")
    #expect(!files2.contains { $0.hasSuffix(".staging") })
    #expect(try FileManager.default.contentsOfDirectory(atPath: streamed.path + "/index").contains { $0.hasSuffix(".frames") })
    // The integrity index it left is stamped with the head (its parts were folded before their hashes were
    // known: a wrong stamp would make the next append rebuild it), and holds what a rebuild gives.
    let head = try Reader(at: streamed.path).head()
    let kept = try IntegrityStore(journal: streamed.path)
    #expect(kept.index.open() == KeyedCache.Stamp(seq: head.seq, hash: head.hash))
    let keptEntries = try kept.index.all()
    try FileManager.default.removeItem(atPath: streamed.path + "/cache")
    _ = try Ledger(journal: streamed.path).rebuildIndexes()
    let rebuilt = try IntegrityStore(journal: streamed.path)
    #expect(rebuilt.index.open() == KeyedCache.Stamp(seq: head.seq, hash: head.hash))
    #expect(try rebuilt.index.all() == keptEntries)
    // The rules go on from the integrity index it left: a report for an unknown contract is refused.
    #expect(throws: ServiceError.self) {
      try streamed.ledger().append([
        streamed.event(
          "procurement.insertion-hours-reported", "2022-05-01",
          ["contractId": "nope", "insertionHours": 1, "trainingHours": 0, "beneficiaries": 1, "beneficiariesInQPV": 0])
      ])
    }
    // A second streamed import after it starts a new segment.
    let more = try files.write(Array(Self.lines(reports: 40).dropFirst(20)), "more.jsonl")
    let c = try Importer.run(file: more, into: streamed.ledger(), dryRun: false, streamAbove: 0, blockBytes: 4 << 10)
    #expect(c.seqs?.lowerBound == 921)
    #expect(try Verifier.verify(at: streamed.path).isIntact)
  }

  @Test func aStreamedDryRunFindsWhatAWholeOneFinds() throws {
    let files = try Files()
    var lines = Self.lines(reports: 300)
    lines[40] = "{not json"
    lines[77] =
      #"{"type":"procurement.insertion-hours-reported","occurredOn":"2022-01-01","author":"t","data":{"contractId":"ghost","insertionHours":1,"trainingHours":0,"beneficiaries":1,"beneficiariesInQPV":0}}"#
    lines[150] =
      #"{"type":"procurement.contract-awarded","occurredOn":"2021-06-01","author":"t","data":{"contractId":"c3","title":"x","buyer":"ville","awardee":"A","amountEUR":1,"socialClause":true,"environmentalClause":false,"awardeeIsESS":true,"awardeeIsSME":true,"awardeeIsLocal":true}}"#
    lines[200] = #"{"type":"books.donation-counted","occurredOn":"2022-01-01","author":"t","data":{"books":-4}}"#
    let path = try files.write(lines)
    let streamed = try LedgerFixture("dryS")
    let whole = try LedgerFixture("dryW")
    let before = try streamed.snapshot()
    let a = try Importer.run(file: path, into: streamed.ledger(), dryRun: true, streamAbove: 0, blockBytes: 6 << 10)
    let b = try Importer.run(file: path, into: whole.ledger(), dryRun: true, streamAbove: Int.max - 1)
    #expect(a.problems.count >= 4)
    #expect(a.problems.map(\.description) == b.problems.map(\.description))
    #expect(a.problems.compactMap(\.location.line) == b.problems.compactMap(\.location.line))
    #expect(try streamed.snapshot() == before)
    // The real import stops at the first problem, naming its line; nothing written.
    let refused = #expect(throws: ServiceError.self) {
      try Importer.run(file: path, into: streamed.ledger(), dryRun: false, streamAbove: 0, blockBytes: 6 << 10)
    }
    #expect(refused?.location.line == 41)
    #expect(try streamed.snapshot() == before)
  }

  @Test func aRuleBrokenLateInTheFileRefusesTheWholeImport() throws {
    let files = try Files()
    let late =
      #"{"type":"procurement.contract-awarded","occurredOn":"2023-01-01","author":"t","data":{"contractId":"c4","title":"again","buyer":"ville","awardee":"A","amountEUR":1,"socialClause":true,"environmentalClause":false,"awardeeIsESS":true,"awardeeIsSME":true,"awardeeIsLocal":true}}"#
    let lines = Self.lines(reports: 400, extra: [late])
    let path = try files.write(lines)
    let f = try LedgerFixture("late")
    try f.ledger().append([f.event("books.donation-counted", "2022-01-01", ["books": 3])])
    let before = try f.snapshot()
    let refused = #expect(throws: ServiceError.self) {
      try Importer.run(file: path, into: f.ledger(), dryRun: false, streamAbove: 0, blockBytes: 5 << 10)
    }
    #expect(refused?.code == .ruleBroken)
    #expect(refused?.location.line == lines.count)
    #expect(refused?.message.contains("awarded twice") == true)
    #expect(try f.snapshot() == before)
  }

  @Test func idsGivenTwiceAcrossPartsAreOneEventOrARefusal() throws {
    let files = try Files()
    let id = "6f1c2a9e-1111-4a4a-8b8b-123456789abc"
    let books = #"{"id":"\#(id)","type":"books.donation-counted","occurredOn":"2022-01-01","author":"t","data":{"books":3}}"#
    let other = #"{"id":"\#(id)","type":"books.donation-counted","occurredOn":"2022-01-01","author":"t","data":{"books":4}}"#
    var lines = Self.lines(reports: 200)
    lines.insert(books, at: 30)
    let same = try files.write(lines + [books], "same.jsonl")
    let f = try LedgerFixture("ids")
    let report = try Importer.run(file: same, into: f.ledger(), dryRun: false, streamAbove: 0, blockBytes: 4 << 10)
    #expect(report.alreadyPresent == 1 && report.imported == lines.count)
    // A file whose every line has an id, imported twice: the second time appends nothing.
    let withIDs = lines.enumerated().map { i, line in
      line.hasPrefix(#"{"id""#) ? line : #"{"id":"00000000-0000-4000-8000-\#(String(format: "%012d", i))","# + line.dropFirst()
    }
    let file = try files.write(withIDs, "ids.jsonl")
    let h = try LedgerFixture("twice")
    let first = try Importer.run(file: file, into: h.ledger(), dryRun: false, streamAbove: 0, blockBytes: 4 << 10)
    #expect(first.imported == withIDs.count)
    let before = try h.snapshot()
    let again = try Importer.run(file: file, into: h.ledger(), dryRun: false, streamAbove: 0, blockBytes: 4 << 10)
    #expect(again.imported == 0 && again.seqs == nil && again.alreadyPresent == withIDs.count)
    #expect(try h.snapshot() == before)
    let clash = try files.write(lines + [other], "clash.jsonl")
    let g = try LedgerFixture("clash")
    let refused = #expect(throws: ServiceError.self) {
      try Importer.run(file: clash, into: g.ledger(), dryRun: false, streamAbove: 0, blockBytes: 4 << 10)
    }
    #expect(refused?.code == .conflictingID)
    #expect(refused?.location.line == lines.count + 1)
    #expect(refused?.message.contains("line 31") == true)
  }
}
