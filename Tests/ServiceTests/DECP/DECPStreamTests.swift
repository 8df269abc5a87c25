import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

/// A DECP JSON file above the streaming threshold is read a part at a time and committed
/// through the streamed commit: the same events, report, warnings and refusals as read whole.
@Suite("DECP streamed import")
struct DECPStreamTests {
  let options: DECPImport.Options = {
    var o = DECPImport.Options(author: "c.muller")
    o.today = "2024-06-01"
    return o
  }()

  /// The SIRENE extract, and a side file for the record whose awardee's SIRET fails its checksum.
  func facts() throws -> DECPFacts { try DECPSample.facts(side: "uid,awardeeIsLocal\n216704825000192024-018,oui\n") }

  /// The file at `bytes`, imported read whole (`stream` false) or streamed, into a fresh journal.
  func importing(_ bytes: [UInt8], stream: Bool, dryRun: Bool = false, options: DECPImport.Options? = nil) throws -> (
    DECPImport.Report, [Record], LedgerFixture
  ) {
    let f = try LedgerFixture()
    let file = f.root + "/decp.json"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let report = try DECPImport.run(
      file: file, facts: facts(), into: f.ledger(), options: options ?? self.options, dryRun: dryRun,
      streamAbove: stream ? 16 : bytes.count + 1)
    return (report, try f.records(), f)
  }

  func samples() -> [DECPSample] {
    var first = DECPSample()
    first.modifications = 2
    var checksum = DECPSample()
    checksum.id = "2024-018"
    checksum.awardees = [("SIRET", "81223113200027")]
    return [first, .framework, checksum]
  }

  @Test func aStreamedFileGivesTheSameEventsAndReport() throws {
    let bytes = DECPSample.v2JSON(samples(), concessions: 1)
    let (whole, wholeRecords, _) = try importing(bytes, stream: false)
    let (streamed, streamedRecords, _) = try importing(bytes, stream: true)
    #expect(streamed.imported == whole.imported && streamed.records == whole.records && whole.imported > 0)
    #expect(streamed.skippedConcessions == whole.skippedConcessions && streamed.modifications == whole.modifications)
    #expect(streamed.frameworks == whole.frameworks && !whole.frameworks.isEmpty)
    #expect(streamed.warnings.map(\.description) == whole.warnings.map(\.description) && !whole.warnings.isEmpty)
    #expect(streamed.summary(dryRun: false) == whole.summary(dryRun: false))
    #expect(streamedRecords.map(\.id) == wholeRecords.map(\.id))
    #expect(try streamedRecords.map { try $0.data() } == wholeRecords.map { try $0.data() })
  }

  @Test func aStreamedImportTellsItsProgressUpToTheWholeFile() throws {
    let bytes = DECPSample.v2JSON(samples(), concessions: 1)
    let f = try LedgerFixture()
    let file = f.root + "/decp.json"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let told = Mutex<[Int]>([])
    let report = try DECPImport.run(
      file: file, facts: facts(), into: f.ledger(), options: options, dryRun: false, streamAbove: 16
    ) { done, total in
      told.withLock { $0.append(done) }
      #expect(total == bytes.count)
    }
    let steps = told.withLock { $0 }
    #expect(report.imported > 0 && !steps.isEmpty && steps == steps.sorted() && steps.last == bytes.count, "\(steps)")
  }

  @Test func aStreamedDryRunListsTheSameProblems() throws {
    var bad = DECPSample()
    bad.id = "2024-019"
    bad.nature = "Marché inconnu"
    var other = DECPSample()
    other.id = "2024-020"
    other.buyer = "21000000000009"
    let bytes = DECPSample.v2JSON(samples() + [bad, other])
    let (whole, _, _) = try importing(bytes, stream: false, dryRun: true)
    let (streamed, records, _) = try importing(bytes, stream: true, dryRun: true)
    #expect(whole.problems.count == 2)
    #expect(streamed.problems.map(\.description) == whole.problems.map(\.description))
    #expect(records.isEmpty)
    #expect(throws: ServiceError.self) { try importing(bytes, stream: true) }
  }

  @Test func aStreamedFileImportedAgainAddsNothingAndCorrectsWhatChanged() throws {
    let f = try LedgerFixture()
    let file = f.root + "/decp.json"
    try Data(DECPSample.v2JSON(samples())).write(to: URL(fileURLWithPath: file))
    let first = try DECPImport.run(
      file: file, facts: facts(), into: f.ledger(), options: options, dryRun: false, streamAbove: 16)
    let again = try DECPImport.run(
      file: file, facts: facts(), into: f.ledger(), options: options, dryRun: false, streamAbove: 16)
    #expect(first.imported == 3 && again.imported == 0 && again.alreadyPresent == 3)
    var changed = samples()
    changed[0].montant = "190000"
    try Data(DECPSample.v2JSON(changed)).write(to: URL(fileURLWithPath: file))
    #expect(throws: ServiceError.self) {
      try DECPImport.run(file: file, facts: facts(), into: f.ledger(), options: options, dryRun: false, streamAbove: 16)
    }
    var correcting = options
    correcting.asCorrection = true
    let corrected = try DECPImport.run(
      file: file, facts: facts(), into: f.ledger(), options: correcting, dryRun: false, streamAbove: 16)
    #expect(corrected.corrected == 1 && corrected.alreadyPresent == 2)
    #expect(try f.records().last?.type == EventKind.eventCorrected.rawValue)
  }

  @Test func aMalformedStreamedFileIsRefusedAsWhenReadWhole() throws {
    var bytes = DECPSample.v2JSON(samples())
    bytes.insert(UInt8(ascii: ","), at: bytes.count - 3)
    let whole = #expect(throws: ServiceError.self) { try importing(bytes, stream: false) }
    let streamed = #expect(throws: ServiceError.self) { try importing(bytes, stream: true) }
    #expect(whole?.description == streamed?.description && whole != nil)
  }
}
