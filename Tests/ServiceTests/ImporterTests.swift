import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

@Suite("Import and export")
struct ImporterTests {
  func jsonl(_ events: [NewEvent], recordedAt: [String?] = []) -> [UInt8] {
    var out = ""
    for (i, e) in events.enumerated() {
      var o: [String: JSONValue] = [
        "type": .string(e.type), "occurredOn": .string(e.occurredOn), "author": .string(e.author), "data": e.data,
      ]
      if let s = e.source { o["source"] = .string(s) }
      if i < recordedAt.count, let r = recordedAt[i] { o["recordedAt"] = .string(r) }
      out += JSONValue.object(o).canonicalString + "\n"
    }
    return Array(out.utf8)
  }

  @Test func exportThenImportIntoAnEmptyJournalGivesTheSameSeqsTimesAndHashes() throws {
    let f = try LedgerFixture()
    let ledger = try f.ledger()
    for e in Base.events(f) {
      f.clock.advance(86_400_000)
      try ledger.append([e])
    }
    try ledger.correct(seq: 5, changes: ["insertionHours": 150], author: "a", reason: "recompte", today: "2024-02-01")
    try ledger.retract(seq: 7, author: "a", reason: "annulée", today: "2024-02-01")
    let original = try f.records()
    let export = Array(original.map { $0.line + "\n" }.joined().utf8)
    let g = try LedgerFixture("copy")
    g.clock.advance(365 * 86_400_000)  // the importer's clock is later: recordedAt comes from the file
    let report = try Importer.run(export, into: try g.ledger(), dryRun: false)
    #expect(report.appended.count == original.count && report.problems.isEmpty)
    let copy = try g.records()
    #expect(copy.map(\.seq) == original.map(\.seq))
    #expect(copy.map(\.recordedAt) == original.map(\.recordedAt))
    #expect(copy.map(\.hash) == original.map(\.hash))
    #expect(copy == original)
    // Importing the same export again writes nothing: every id is already there.
    let again = try Importer.run(export, into: try g.ledger(), dryRun: false)
    #expect(again.alreadyPresent == original.count)
    #expect(try g.records().count == original.count)
  }

  /// A line's data is read from its bytes when its values are written canonically
  /// (members in any order), and parsed otherwise: the same event either way.
  @Test func dataInAnyLayoutGivesTheSameEvent() throws {
    let layouts = [
      #"{"contractId":"c1","insertionHours":120,"trainingHours":12,"beneficiaries":3,"beneficiariesInQPV":1}"#,
      #"{"beneficiaries":3,"beneficiariesInQPV":1,"contractId":"c1","insertionHours":120,"trainingHours":12}"#,
      #"{ "contractId": "c1", "insertionHours": 120, "trainingHours": 12, "beneficiaries": 3, "beneficiariesInQPV": 1 }"#,
      #"{"contractId":"c1","insertionHours":1.2e2,"trainingHours":12.0,"beneficiaries":3,"beneficiariesInQPV":1}"#,
    ]
    var events: [NewEvent] = []
    var read: [NewEvent] = []
    for data in layouts {
      let line = #"{"type":"procurement.insertion-hours-reported","occurredOn":"2022-03-31","author":"a","data":\#(data)}"#
      read.append(try ImportLine.parse(Array(line.utf8)[...], line: 1))
      events.append(try Ledger.normalize(read.last!))
    }
    // The first three layouts are copied from their bytes; the last one (1.2e2, 12.0) is parsed.
    #expect(read.map { $0.encodedData != nil } == [true, true, true, false])
    #expect(Set(events.map(\.canonicalData)).count == 1)
    #expect(events.allSatisfy { $0 == events[0] })
  }

  @Test func anImportIsAllOrNothing() throws {
    let f = try LedgerFixture()
    var events = (0..<9).map { f.event("books.donation-counted", "2022-0\($0 % 9 + 1)-01", ["books": .number(JSONNumber(Int64($0 + 1)))]) }
    events.append(f.event("books.donation-counted", "2022-12-31", ["books": 0]))
    let before = try f.snapshot()
    do {
      _ = try Importer.run(jsonl(events), into: try f.ledger(), dryRun: false)
      Issue.record("accepted")
    } catch let error as ServiceError {
      #expect(error.location.line == 10 && error.location.field == "books")
      #expect(error.description.hasPrefix("Line 10: "))
    }
    #expect(try f.snapshot() == before)
  }

  @Test func aDryRunReportsEveryProblemAndWritesNothing() throws {
    let f = try LedgerFixture()
    try f.ledger().append(Base.events(f))
    let before = try f.snapshot()
    let events = [
      f.event("books.donation-counted", "2022-12-31", ["books": 10]),
      f.event("books.donation-counted", "2023-02-30", ["books": 10]),
      f.event("books.donation-counted", "2022-12-31", ["bookz": 10]),
      f.event("pole.member-left", "2021-11-01", ["memberId": "lfl"]),
      f.event(
        "okote.pledge-made", "2022-08-01", ["campaignId": "jardin", "contributorKind": "citizen", "contributorId": "h", "amountEUR": 1]),
    ]
    let report = try Importer.run(jsonl(events), into: try f.ledger(), dryRun: true)
    #expect(report.problems.compactMap(\.location.line) == [2, 3, 4, 5], "\(report.problems.map(\.description))")
    #expect(try f.snapshot() == before)
  }

  @Test func legacyRecordedAtMustNotGoBackNorBeInTheFuture() throws {
    let f = try LedgerFixture()
    let e = f.event("books.donation-counted", "2015-06-01", ["books": 10])
    let ok = try Importer.run(
      jsonl([e, e], recordedAt: ["2015-06-02T08:00:00.000Z", "2015-06-03T08:00:00.000Z"]), into: try f.ledger(), dryRun: false)
    #expect(ok.appended.map { $0.recordedAt.rfc3339 } == ["2015-06-02T08:00:00.000Z", "2015-06-03T08:00:00.000Z"])
    for (recordedAt, words) in [("2015-06-01T08:00:00.000Z", "earlier than"), ("2100-01-01T00:00:00.000Z", "in the future")] {
      do {
        _ = try Importer.run(jsonl([e], recordedAt: [recordedAt]), into: try f.ledger(), dryRun: false)
        Issue.record("\(recordedAt) accepted")
      } catch let error as ServiceError {
        #expect(error.code == .badInput && error.location.line == 1 && error.location.field == "recordedAt")
        #expect(error.description.hasPrefix("Line 1: Field 'recordedAt' ") && error.message.contains(words), "\(error)")
        #expect(error.cause is JournalError)
      }
    }
    #expect(try f.records().count == 2)
  }

  @Test(arguments: [
    ("", "empty"), ("{\"type\":", "not valid JSON"), ("[1,2]", "JSON object"),
    (
      "{\"type\":\"books.donation-counted\",\"occurredOn\":\"2022-01-01\",\"author\":\"a\",\"data\":{\"books\":1},\"colour\":1}",
      "Unknown envelope field 'colour'"
    ),
    ("{\"type\":\"books.donation-counted\",\"occurredOn\":\"2022-01-01\",\"data\":{\"books\":1}}", "'author'"),
  ])
  func malformedLinesAreNamed(_ text: String, _ words: String) throws {
    let f = try LedgerFixture("malformed")
    do {
      _ = try Importer.run(Array(text.utf8), into: try f.ledger(), dryRun: false)
      Issue.record("accepted \(text)")
    } catch let error as ServiceError {
      #expect(error.description.contains(words), "\(error.description)")
    }
  }
}
