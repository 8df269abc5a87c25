import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

@Suite("Ledger: integrity rules over the whole effective history")
struct LedgerTests {
  static let refusals: [(String, String, String, JSONValue, String)] = [
    ("leave without being a member", "pole.member-left", "2021-11-01", ["memberId": "lfl"], "membership-alternation"),
    (
      "join twice", "pole.member-joined", "2022-01-01", ["memberId": "lfl", "name": "LFL", "legalForm": "association"],
      "membership-alternation"
    ),
    ("board with a non-member", "pole.board-elected", "2022-01-01", ["memberIds": ["emmaus-mundo", "nobody"]], "board-of-current-members"),
    ("back-dated leave breaks the existing board", "pole.member-left", "2021-11-10", ["memberId": "lfl"], "board-of-current-members"),
    (
      "pledge before opening", "okote.pledge-made", "2022-03-31",
      ["campaignId": "jardin", "contributorKind": "company", "contributorId": "c-1", "amountEUR": 5], "pledge-in-open-campaign"
    ),
    (
      "pledge after closing", "okote.pledge-made", "2022-07-01",
      ["campaignId": "jardin", "contributorKind": "company", "contributorId": "c-1", "amountEUR": 5], "pledge-in-open-campaign"
    ),
    (
      "pledge to an unknown campaign", "okote.pledge-made", "2022-05-01",
      ["campaignId": "nope", "contributorKind": "public", "contributorId": "ems", "amountEUR": 5], "pledge-in-open-campaign"
    ),
    ("campaign opened twice", "okote.campaign-opened", "2022-05-01", ["campaignId": "jardin", "project": "Bis"], "campaign-opens-once"),
    (
      "campaign closed twice", "okote.campaign-closed", "2022-07-01", ["campaignId": "jardin", "outcome": "funded"], "campaign-closes-once"
    ),
    (
      "close before the pledges", "okote.campaign-closed", "2022-04-10", ["campaignId": "nope", "outcome": "funded"],
      "campaign-closed-after-opening"
    ),
    (
      "report for an unknown contract", "procurement.insertion-hours-reported", "2022-06-30",
      ["contractId": "ems-9", "insertionHours": 1, "trainingHours": 0, "beneficiaries": 1, "beneficiariesInQPV": 0],
      "report-for-awarded-contract"
    ),
    (
      "report before the award", "procurement.insertion-hours-reported", "2022-02-28",
      ["contractId": "ems-1", "insertionHours": 1, "trainingHours": 0, "beneficiaries": 1, "beneficiariesInQPV": 0],
      "report-for-awarded-contract"
    ),
  ]

  @Test(arguments: refusals.indices)
  func everyRuleIsEnforcedAndNothingIsWritten(_ i: Int) throws {
    let (label, type, on, data, rule) = Self.refusals[i]
    let f = try LedgerFixture("rule\(i)")
    let ledger = try f.ledger()
    try ledger.append(Base.events(f))
    let before = try f.snapshot()
    do {
      try ledger.append([f.event(type, on, data)])
      Issue.record("\(label): accepted")
    } catch {
      #expect(error.code == .ruleBroken && (error.cause as? IntegrityViolation)?.rule.rawValue == rule, "\(label): \(error.message)")
    }
    #expect(try f.snapshot() == before, "\(label): the journal changed")
    // The same refusal from a new process-like Ledger (model from the journal, not memory).
    #expect(throws: ServiceError.self) { try f.ledger().append([f.event(type, on, data)]) }
  }

  @Test func retractionAndCorrectionAreCheckedToo() throws {
    let f = try LedgerFixture()
    let ledger = try f.ledger()
    try ledger.append(Base.events(f))
    let before = try f.snapshot()
    // Retracting lfl's join would leave the board with a non-member.
    #expect(throws: ServiceError.self) { try ledger.retract(seq: 2, author: "a", reason: "doublon", today: "2024-01-15") }
    // Moving the campaign's opening after its pledge breaks the pledge.
    #expect(throws: ServiceError.self) {
      try ledger.correct(seq: 6, changes: [:], occurredOn: "2022-04-20", author: "a", reason: "date", today: "2024-01-15")
    }
    // Corrected data must be valid data of the target's type.
    #expect(throws: ServiceError.self) {
      try ledger.correct(seq: 5, changes: ["trainingHours": 500], author: "a", reason: "x", today: "2024-01-15")
    }
    // A correction needs a reason, a real target, and a domain event as target.
    let noReason = f.event("event.retracted", "2024-01-15", ["target": 4])
    #expect(throws: ServiceError.self) { try ledger.append([noReason]) }
    #expect(throws: ServiceError.self) { try ledger.append([f.event("event.retracted", "2024-01-15", ["target": 999], reason: "r")]) }
    #expect(try f.snapshot() == before)
    let fix = try ledger.correct(seq: 5, changes: ["insertionHours": 120], author: "a", reason: "recompte", today: "2024-01-15")
    #expect(throws: ServiceError.self) {
      try ledger.append([f.event("event.retracted", "2024-01-15", ["target": .number(JSONNumber(Int64(fix.seq)))], reason: "r")])
    }
    #expect(try ledger.effective(seq: 5).data["insertionHours"] == 120)
  }

  @Test func aCorrectionAfterARetractionReinstatesTheEvent() throws {
    let f = try LedgerFixture()
    let ledger = try f.ledger()
    try ledger.append(Base.events(f))
    try ledger.retract(seq: 7, author: "a", reason: "promesse annulée", today: "2024-01-15")
    #expect(try ledger.effective(seq: 7).retracted)
    // With the pledge gone, the campaign may now close earlier…
    try ledger.correct(seq: 8, changes: [:], occurredOn: "2022-04-10", author: "a", reason: "date réelle", today: "2024-01-15")
    // …and reinstating the pledge (dated 04-15, after that close) is refused.
    #expect(throws: ServiceError.self) {
      try ledger.correct(seq: 7, changes: ["amountEUR": 12], author: "a", reason: "rétablie", today: "2024-01-15")
    }
    try ledger.correct(seq: 7, changes: ["amountEUR": 12], occurredOn: "2022-04-05", author: "a", reason: "rétablie", today: "2024-01-15")
    let now = try ledger.effective(seq: 7)
    #expect(!now.retracted && now.data["amountEUR"] == 12)
  }

  @Test func anotherWritersEventsAreSeenBeforeChecking() throws {
    let f = try LedgerFixture()
    let a = try f.ledger()
    let b = try f.ledger()
    try a.append(Base.events(f))
    try b.append([f.event("pole.member-left", "2022-01-01", ["memberId": "lfl"])])
    // a's model must catch up with b's leave: lfl cannot leave again.
    #expect(throws: ServiceError.self) { try a.append([f.event("pole.member-left", "2022-02-01", ["memberId": "lfl"])]) }
    try a.append([f.event("pole.member-joined", "2022-02-01", ["memberId": "lfl", "name": "LFL", "legalForm": "association"])])
  }

  @Test func theIntegrityIndexIsUsedWhenItAgreesAndRebuiltWhenItDoesNot() throws {
    let f = try LedgerFixture()
    try f.ledger().append(Base.events(f))
    try f.ledger().append([f.event("books.donation-counted", "2022-12-31", ["books": 10])])
    let head = try Reader(at: f.path).head()
    let here = KeyedCache.Stamp(seq: head.seq, hash: head.hash)
    // Written by the appends, at the head (the unchecked one moved its stamp too).
    let store = try IntegrityStore(journal: f.path)
    #expect(store.index.open() == here)
    let built = try store.index.all()
    #expect(!built.isEmpty)
    // Until its log grows past its limit, the index is a log over an empty base; merged now.
    try store.index.replace(with: built, stamp: here)
    #expect(try store.index.all() == built)
    let basePath = f.path + "/cache/integrity.base"
    let logPath = f.path + "/cache/integrity.log"
    let leave = f.event("pole.member-left", "2021-11-01", ["memberId": "lfl"])
    func rebuiltAndStillRefusing(_ what: String) throws {
      let before = try Data(contentsOf: URL(fileURLWithPath: f.path + "/HEAD"))
      #expect(throws: ServiceError.self, "\(what)") { try f.ledger().append([leave]) }
      #expect(try Data(contentsOf: URL(fileURLWithPath: f.path + "/HEAD")) == before)
      let again = try IntegrityStore(journal: f.path)
      #expect(again.index.open() == here, "\(what)")
      #expect(try again.index.all() == built, "\(what)")
    }
    // Removed: the refusal folds the whole journal, and writes the index again.
    try FileManager.default.removeItem(atPath: basePath)
    try FileManager.default.removeItem(atPath: logPath)
    try rebuiltAndStillRefusing("removed")
    // Damaged in a value the append reads: that value fails its CRC, the index is rebuilt.
    try store.index.replace(with: built, stamp: here)
    var damaged = Array(try Data(contentsOf: URL(fileURLWithPath: basePath)))
    // Every value (after the 68-byte header and the index), not the header or the index.
    let values = 68 + Int(damaged[56]) * 20 + 4
    for i in values..<damaged.count { damaged[i] ^= 0x5A }
    try Data(damaged).write(to: URL(fileURLWithPath: basePath))
    try rebuiltAndStillRefusing("damaged")
    // Of another history (its stamp's hash is not the journal's): rebuilt.
    try store.index.replace(with: [:], stamp: KeyedCache.Stamp(seq: head.seq, hash: .zero))
    try rebuiltAndStillRefusing("another history")
    // Behind the journal, with a torn record after its last whole one: the
    // torn bytes are ignored and the events after the stamp folded.
    let records = try f.records()
    var prefix = IntegrityModel()
    var none: IntegrityModel.Undo? = nil
    for r in records.prefix(3) {
      try prefix.apply(
        r, hash: r.hash, kindOf: { _ in nil }, lookup: { records[Int($0) - 1] }, base: IntegrityModel.noBase, undo: &none)
    }
    try store.index.replace(with: prefix.indexEntries(), stamp: KeyedCache.Stamp(seq: 3, hash: records[2].hash))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
    handle.seekToEndOfFile()
    handle.write(Data([40, 0, 0, 0, 1, 2, 3]))
    try handle.close()
    #expect(try IntegrityStore(journal: f.path).index.open()?.seq == 3)
    try rebuiltAndStillRefusing("behind, torn")
    // Its rules still accept what they should: lfl leaves after joining.
    try f.ledger().append([f.event("pole.member-left", "2022-01-01", ["memberId": "lfl"])])
  }

  @Test func rebuildingTheIndexesMakesThemAgainFromTheEvents() throws {
    let f = try LedgerFixture()
    try f.ledger().append(Base.events(f))
    try f.ledger().append([f.event("pole.member-left", "2022-01-01", ["memberId": "lfl"])])
    let store = try IntegrityStore(journal: f.path)
    store.index.open()
    let built = try store.index.all()
    let head = try Reader(at: f.path).head()
    for name in try FileManager.default.contentsOfDirectory(atPath: f.path + "/index") {
      try FileManager.default.removeItem(atPath: f.path + "/index/" + name)
    }
    for name in try FileManager.default.contentsOfDirectory(atPath: f.path + "/cache") {
      try FileManager.default.removeItem(atPath: f.path + "/cache/" + name)
    }
    let done = try f.ledger().rebuildIndexes()
    #expect(done.seq == head.seq && done.frames >= 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: f.path + "/index").contains { $0.hasSuffix(".frames") })
    let again = try IntegrityStore(journal: f.path)
    #expect(again.index.open() == KeyedCache.Stamp(seq: head.seq, hash: head.hash))
    #expect(try again.index.all() == built)
    #expect(try Reports.rebuild(journal: f.path).contains("integrity index at seq \(head.seq)"))
  }

  @Test(arguments: [21, 22] as [UInt64])
  func checkingThroughTheIndexAgreesWithFoldingTheWholeJournal(seed: UInt64) throws {
    // The same random events (many breaking rules) offered to two journals:
    // one keeps its index between appends, the other loses it before each.
    let h = try RandomHistory(seed: seed, events: 160)
    let offered = try allRecords(h.path)
    let a = try LedgerFixture("indexA\(seed)")
    let b = try LedgerFixture("indexB\(seed)")
    var rng = Seeded(seed: seed)
    var i = 0
    var accepted = 0
    while i < offered.count {
      let n = Int.random(in: 1...4, using: &rng)
      let batch = offered[i..<min(offered.count, i + n)].map { r in
        NewEvent(
          type: r.type, occurredOn: String(decoding: r.occurredOnBytes, as: UTF8.self), author: "t", source: "s",
          reason: EventKind.lookup(r.type)?.isCorrection == true ? "fix" : nil, data: try! r.data())
      }
      i += n
      func outcome(_ f: LedgerFixture) -> String {
        do {
          return "ok \(try f.ledger().append(batch).map(\.seq))"
        } catch {
          return "refused: \((error as? ServiceError)?.message ?? "\(error)")"
        }
      }
      try? FileManager.default.removeItem(atPath: b.path + "/cache")
      let ra = outcome(a)
      #expect(ra == outcome(b))
      if ra.hasPrefix("ok") { accepted += 1 }
    }
    #expect(accepted > 5)
    func events(_ f: LedgerFixture) throws -> [String] {
      try f.records().map { "\($0.seq) \($0.type) \(String(decoding: $0.dataBytes, as: UTF8.self))" }
    }
    #expect(try events(a) == events(b))
  }
}
