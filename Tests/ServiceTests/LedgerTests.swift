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

  @Test func theCheckpointIsUsedWhenItAgreesAndIgnoredWhenItDoesNot() throws {
    let f = try LedgerFixture()
    let ledger = try f.ledger()
    ledger.checkpointEvery = 1
    try ledger.append(Base.events(f))
    try ledger.append([f.event("books.donation-counted", "2022-12-31", ["books": 10])])
    let cache = try JournalCache(journal: f.path)
    let file = f.path + "/cache/" + IntegrityStore.file
    let saved = try #require(cache.read(IntegrityStore.file, tag: IntegrityStore.tag))
    let decoded = try #require(IntegrityModel(decoding: saved))
    // From scratch (no checkpoint) and from the checkpoint: the same model.
    let raw = try Data(contentsOf: URL(fileURLWithPath: file))
    try FileManager.default.removeItem(atPath: file)
    #expect(try IntegrityStore(journal: f.path).take(at: decoded.lastSeq) == decoded)
    // A damaged checkpoint is ignored: the rules still hold.
    var damaged = Array(raw)
    damaged[damaged.count / 2] ^= 0xFF
    try Data(damaged).write(to: URL(fileURLWithPath: file))
    #expect(cache.read(IntegrityStore.file, tag: IntegrityStore.tag) == nil)
    #expect(throws: ServiceError.self) { try f.ledger().append([f.event("pole.member-left", "2021-11-01", ["memberId": "lfl"])]) }
    // A checkpoint of another history (hash mismatch) is ignored too.
    var other = decoded
    other.lastHash = .zero
    try cache.write(other.encoded(), name: IntegrityStore.file, tag: IntegrityStore.tag)
    #expect(try IntegrityStore(journal: f.path).take(at: decoded.lastSeq).lastHash == decoded.lastHash)
  }

}
