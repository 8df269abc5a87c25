import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections

/// A refused append's changes are undone: keys only appended to (whose undo keeps their length) and keys whose facts
/// were removed or replaced (whose undo keeps their list) alike, in any order within one tentative application.
@Suite("Integrity undo")
struct IntegrityUndoTests {
  static func event(_ seq: UInt64, _ type: String, _ on: String, _ data: JSONValue) throws -> PendingEvent {
    let kind = try EventCatalog.kind(named: type)
    var e = NewEvent(type: type, occurredOn: on, author: "t", data: data)
    e.setCanonicalData(try kind.eventType.canonical(data))
    return PendingEvent(e, seq: seq)
  }

  static func award(_ seq: UInt64, _ contract: String, _ on: String) throws -> PendingEvent {
    try event(
      seq, "procurement.contract-awarded", on,
      [
        "contractId": .string(contract), "title": "Entretien", "buyer": "ville", "awardee": "Envie", "amountEUR": 1000,
        "socialClause": true, "environmentalClause": false, "awardeeIsESS": true, "awardeeIsSME": true, "awardeeIsLocal": true,
      ])
  }

  static func report(_ seq: UInt64, _ contract: String, _ on: String) throws -> PendingEvent {
    try event(
      seq, "procurement.insertion-hours-reported", on,
      ["contractId": .string(contract), "insertionHours": 100, "trainingHours": 10, "beneficiaries": 2, "beneficiariesInQPV": 1])
  }

  @Test func aRollbackRestoresKeysAppendedToAndKeysChangedOtherwise() throws {
    var history: [UInt64: PendingEvent] = [:]
    var model = IntegrityModel()
    func apply(_ e: PendingEvent, _ undo: inout IntegrityModel.Undo?) throws {
      history[e.seq] = e
      try model.apply(
        e, hash: .zero, kindOf: { history[$0].flatMap { EventKind(rawValue: $0.type) } }, lookup: { history[$0]! },
        base: IntegrityModel.noBase, undo: &undo)
    }
    var none: IntegrityModel.Undo? = nil
    for e in [try Self.award(1, "c1", "2022-01-01"), try Self.award(2, "c2", "2022-01-01")] { try apply(e, &none) }
    for seq in UInt64(3)...40 { try apply(try Self.report(seq, seq % 2 == 0 ? "c1" : "c2", "2022-03-01"), &none) }
    let before = model
    #expect(model.byKey[IntegrityKey(.contract, "c1")]?.count == 20)

    var undo: IntegrityModel.Undo? = model.beginUndo()
    // c1: appended to, then a fact of it retracted (a removal after appends); c2: appended to only; c3: new.
    try apply(try Self.report(41, "c1", "2022-04-01"), &undo)
    try apply(try Self.report(42, "c2", "2022-04-01"), &undo)
    try apply(try Self.event(43, "event.retracted", "2022-05-01", ["target": 4]), &undo)
    try apply(try Self.report(44, "c1", "2022-04-02"), &undo)
    try apply(try Self.award(45, "c3", "2022-04-01"), &undo)
    #expect(model.byKey[IntegrityKey(.contract, "c1")]?.count == 21)  // 20 + 2 - 1
    #expect(model.byKey[IntegrityKey(.contract, "c2")]?.count == 21)
    model.rollback(undo!)
    #expect(model == before)
  }
}
