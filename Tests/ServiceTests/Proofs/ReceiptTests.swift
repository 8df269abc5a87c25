import Crypto
import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

/// Bilan receipts (PROOFS.md §5): made over a signed tree, checked at three levels, countersigned, logged.
@Suite struct ReceiptTests {
  struct Setup {
    let f: LedgerFixture
    let publisherKey: String
    let publisherVkey: String
    var journal: String { f.path }
  }

  /// §7's journal, signed at 3, with the test publisher key; the clock at §7's `issued`.
  static func setUp() throws -> Setup {
    let f = try LedgerFixture()
    let logKey = try ProofServiceTests.vectorJournal(f)
    _ = try Checkpoints.sign(journal: f.path, key: logKey)
    let key = f.root + "/publisher.key"
    try ProofVectors.writeKey(ProofVectors.publisherKey(), to: key)
    return Setup(f: f, publisherKey: key, publisherVkey: try ProofVectors.publisherKey().verifier.vkey)
  }

  static func publish(_ s: Setup, program: String = "ess/0.1.0+76281b2", at time: String = "2026-01-01T00:00:00.000Z") throws
    -> Receipts.Published
  {
    var options = WriterOptions()
    options.clock = TestClock(time).function
    return try Receipts.publish(
      journal: s.journal, year: 2022, asKnownOn: "2023-03-31", format: .json, language: .fr, key: s.publisherKey, author: "c.muller",
      program: program, receiptPath: s.f.root + "/bilan-2022.json.receipt", outputPath: s.f.root + "/bilan-2022.json", options: options)
  }

  @Test func theReceiptOfTheVectorsIsTheSpecsButForTheFoldVersion() throws {
    let s = try Self.setUp()
    let published = try Self.publish(s)
    // The spec's 1289 bytes were written before the bilan showed its changes against the year before.
    #expect(ProofVectors.withoutChanges(published.output) == (try ProofVectors.file("bilan-2022.json")))
    #expect(published.body.readSeq == 2 && published.body.treeSize == 3 && published.leftOut == 0)
    let vector = try SignedNote(parsing: ProofVectors.file("bilan-2022.receipt"), what: "receipt")
    // The spec was written when the fold was bilan-1 and the bilan had no changes; every other line is the same.
    var ours = try BilanReceipt(text: published.body.text)
    let theirs = try BilanReceipt(text: vector.text)
    #expect(ours.code == BilanProjection.codeVersion && theirs.code == "bilan-1")
    #expect(ours.byteCount == published.output.count)
    (ours.code, ours.sha256, ours.byteCount) = (theirs.code, theirs.sha256, theirs.byteCount)
    #expect(String(decoding: ours.text, as: UTF8.self) == String(decoding: vector.text, as: UTF8.self))
    #if os(Linux)
      #expect(try ProofVectors.publisherKey().sign(vector.text) == vector.signatures[0])
    #endif
    #expect(try Data(contentsOf: URL(fileURLWithPath: s.f.root + "/bilan-2022.json.receipt")) == Data(published.receipt))
    // Logged, and in no bilan.
    let logged = try #require(try allRecords(s.journal).last)
    #expect(logged.seq == published.publishedSeq && logged.type == "bilan.published")
    #expect(try logged.data()["receiptSHA256"]?.stringValue == Hex.encode(SHA256.hash(data: published.receipt)))
    let before = try BilanReader(journal: s.journal).bilan(year: 2022, treeSize: 3)
    let after = try BilanReader(journal: s.journal).bilan(year: 2022)
    #expect(before.indicators == after.indicators && before.milestones == after.milestones)
  }

  @Test func theThreeLevelsPassAndSayWhatTheyChecked() throws {
    let s = try Self.setUp()
    _ = try Self.publish(s, program: BuildIdentity.program(), at: "2024-01-15T08:00:00.000Z")
    let receipt = s.f.root + "/bilan-2022.json.receipt"
    let file = s.f.root + "/bilan-2022.json"
    let offline = try Receipts.verify(receipt: receipt, file: file, vkey: s.publisherVkey, program: "x")
    #expect(offline.checks.count == 2)
    let tree = try Receipts.verify(
      receipt: receipt, file: file, vkey: s.publisherVkey, checkpoint: s.journal + "/checkpoints/00000000000000000003.checkpoint",
      policy: s.journal + "/checkpoints/policy", program: "x")
    #expect(tree.checks.count == 3)
    // Events appended since, and a bilan checkpoint saved past the tree: the re-run still folds 1…3 only.
    let ledger = try s.f.ledger()
    _ = try ledger.append([s.f.event("books.donation-counted", "2022-06-01", ["books": 100])])
    _ = try BilanReader(journal: s.journal).rebuild()
    let same = try Receipts.verify(
      receipt: receipt, file: file, vkey: s.publisherVkey, journal: s.journal, rerun: true, program: BuildIdentity.program())
    #expect(same.checks.last?.contains("gave the same \(try Data(contentsOf: URL(fileURLWithPath: file)).count) bytes") == true)
    let other = try Receipts.verify(
      receipt: receipt, file: file, vkey: s.publisherVkey, journal: s.journal, rerun: true, program: "ess/9.9.9")
    #expect(other.checks.last?.hasPrefix("re-running with ess/9.9.9 gave the same ") == true)
    // Another build that wrote the same figures in other bytes (here: a space), same fold: the figures are compared.
    let spaced = Array(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self).replacing("{\"year\":", with: "{\"year\": ").utf8)
    try Data(spaced).write(to: URL(fileURLWithPath: file))
    var body = try BilanReceipt(text: SignedNote(parsing: Data(contentsOf: URL(fileURLWithPath: receipt)), what: "r").text)
    body.program = "ess/0.0.9"
    body.sha256 = Hex.encode(SHA256.hash(data: spaced))
    body.byteCount = spaced.count
    let resigned = SignedNote(text: body.text, signatures: [try ProofVectors.publisherKey().sign(body.text)])
    try Data(resigned.bytes).write(to: URL(fileURLWithPath: receipt))
    let figures = try Receipts.verify(
      receipt: receipt, file: file, vkey: s.publisherVkey, journal: s.journal, rerun: true, program: "ess/9.9.9")
    #expect(figures.checks.last?.contains("same figures") == true)
    // The same program must give the same bytes.
    let strict = #expect(throws: ServiceError.self) {
      try Receipts.verify(receipt: receipt, file: file, vkey: s.publisherVkey, journal: s.journal, rerun: true, program: "ess/0.0.9")
    }
    #expect(strict?.message == "Re-running gave different bytes (first difference at byte 8).")
  }

  @Test func eachLevelSaysWhatDiffers() throws {
    let s = try Self.setUp()
    _ = try Self.publish(s, program: BuildIdentity.program())
    let receipt = s.f.root + "/bilan-2022.json.receipt"
    let file = s.f.root + "/bilan-2022.json"
    let changed = s.f.root + "/changed.json"
    try Data(String(decoding: try ProofVectors.file("bilan-2022.json"), as: UTF8.self).replacing("4265", with: "4266").utf8).write(
      to: URL(fileURLWithPath: changed))
    let sha = #expect(throws: ServiceError.self) {
      try Receipts.verify(receipt: receipt, file: changed, vkey: s.publisherVkey, program: "x")
    }
    #expect(
      sha?.code == .checkFailed && sha?.message.hasPrefix("The file's SHA-256 is ") == true
        && sha?.message.contains("the receipt says") == true)
    let wrongKey = #expect(throws: ServiceError.self) {
      try Receipts.verify(receipt: receipt, file: file, vkey: ProofVectors.text("log.vkey"), program: "x")
    }
    #expect(wrongKey?.code == .checkFailed)
    // A shorter journal: the first 2 events only.
    let short = s.f.root + "/short"
    try JournalAdmin.create(at: short)
    let two = try ProofVectors.lines().prefix(2).flatMap { $0 }
    try Data(two).write(to: URL(fileURLWithPath: s.f.root + "/two.jsonl"))
    _ = try Importer.run(file: s.f.root + "/two.jsonl", journal: short, dryRun: false)
    let shorter = #expect(throws: ServiceError.self) {
      try Receipts.verify(receipt: receipt, file: file, vkey: s.publisherVkey, journal: short, program: "x")
    }
    #expect(shorter?.message == "The journal holds only 2 events; the receipt covers 3.")
    // Another build folding other semantics cannot vouch for it.
    var body = try BilanReceipt(text: SignedNote(parsing: Data(contentsOf: URL(fileURLWithPath: receipt)), what: "r").text)
    body.code = "bilan-0"
    body.program = "ess/0.0.1"
    let resigned = SignedNote(text: body.text, signatures: [try ProofVectors.publisherKey().sign(body.text)])
    try Data(resigned.bytes).write(to: URL(fileURLWithPath: receipt))
    let fold = #expect(throws: ServiceError.self) {
      try Receipts.verify(receipt: receipt, file: file, vkey: s.publisherVkey, journal: s.journal, rerun: true, program: "ess/1")
    }
    #expect(fold?.message.contains("re-run it with ess/0.0.1") == true)
  }

  @Test func aCountersignatureIsAddedOnlyAfterTheChecks() throws {
    let s = try Self.setUp()
    _ = try Self.publish(s, program: BuildIdentity.program())
    let receipt = s.f.root + "/bilan-2022.json.receipt"
    let cress = s.f.root + "/cress.key"
    let signer = try NoteSigner(name: "example.org/cress", seed: ProofVectors.seed("cress"))
    try ProofVectors.writeKey(signer, to: cress)
    // No --vkey: the publisher's key is the one the journal's bilan.published event names.
    _ = try Receipts.countersign(
      receipt: receipt, file: s.f.root + "/bilan-2022.json", vkey: nil, journal: s.journal, key: cress, program: BuildIdentity.program())
    let note = try SignedNote(parsing: Data(contentsOf: URL(fileURLWithPath: receipt)), what: "receipt")
    #expect(note.signatures.map(\.name) == ["example.org/ess/test-bilans", "example.org/cress"])
    #expect(try note.verify(by: [signer.verifier], what: "receipt") == [signer.verifier])
    let before = try Data(contentsOf: URL(fileURLWithPath: receipt))
    #expect(throws: ServiceError.self) {
      try Receipts.countersign(
        receipt: receipt, file: ProofVectors.folder + "/journal.jsonl", vkey: s.publisherVkey, journal: s.journal, key: cress, program: "x")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: receipt)) == before)
  }
}
