import Foundation
import TestSupport

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

/// A journal in a temporary folder, with a Ledger on it, removed afterwards.
final class LedgerFixture {
  let root: String
  var path: String { root + "/j" }
  let clock = TestClock("2024-01-15T09:00:00.000Z")

  init(_ name: String = #function) throws {
    root = FileManager.default.temporaryDirectory.path + "/ess-ledger-" + name.filter { $0.isLetter } + "-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try Writer.create(at: path)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func ledger() throws -> Ledger {
    var options = WriterOptions()
    options.clock = clock.function
    return try Ledger(journal: path, options: options)
  }

  func event(_ type: String, _ on: String, _ data: JSONValue, reason: String? = nil, id: String? = nil) -> NewEvent {
    NewEvent(id: id, type: type, occurredOn: on, author: "c.muller", source: "test", reason: reason, data: data)
  }

  /// Every file of the journal but LOCK, for byte-identity checks.
  func snapshot() throws -> [String: Data] { try FolderSnapshot.files(of: path) }

  func records() throws -> [Record] { try allRecords(path) }
}

/// The base history of the integrity tests.
enum Base {
  static func events(_ f: LedgerFixture) -> [NewEvent] {
    [
      f.event("pole.member-joined", "2021-11-09", ["memberId": "emmaus-mundo", "name": "Emmaüs Mundo", "legalForm": "association"]),
      f.event("pole.member-joined", "2021-11-09", ["memberId": "lfl", "name": "Lire et faire lire", "legalForm": "association"]),
      f.event("pole.board-elected", "2021-11-10", ["memberIds": ["emmaus-mundo", "lfl"]]),
      f.event(
        "procurement.contract-awarded", "2022-03-01",
        [
          "contractId": "ems-1", "title": "Espaces verts", "buyer": "ville", "awardee": "Jardins", "amountEUR": 1000,
          "socialClause": true, "environmentalClause": false, "awardeeIsESS": true, "awardeeIsSME": true, "awardeeIsLocal": true,
        ]),
      f.event(
        "procurement.insertion-hours-reported", "2022-06-30",
        ["contractId": "ems-1", "insertionHours": 100, "trainingHours": 10, "beneficiaries": 3, "beneficiariesInQPV": 1]),
      f.event("okote.campaign-opened", "2022-04-01", ["campaignId": "jardin", "project": "Jardin partagé"]),
      f.event(
        "okote.pledge-made", "2022-04-15",
        ["campaignId": "jardin", "contributorKind": "citizen", "contributorId": "hab-1", "amountEUR": 10]),
      f.event("okote.campaign-closed", "2022-06-30", ["campaignId": "jardin", "outcome": "funded"]),
    ]
  }
}
