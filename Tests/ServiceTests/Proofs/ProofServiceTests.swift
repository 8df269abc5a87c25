import Foundation
import TestSupport
import Testing

@testable import Journal
@testable import Service

/// The log side of PROOFS.md through the service: §7's files reproduced by
/// signing, proving and witnessing; the signing rules; the tile cache never trusted blindly.
@Suite struct ProofServiceTests {
  /// The §7 journal: `ess init`, `ess import` of the three lines, signing set up with the test log key.
  static func vectorJournal(_ fixture: LedgerFixture) throws -> String {
    _ = try Importer.run(file: ProofVectors.journalLines, journal: fixture.path, dryRun: false)
    let key = fixture.root + "/log.key"
    try ProofVectors.writeKey(ProofVectors.logKey(), to: key)
    _ = try Checkpoints.setUp(journal: fixture.path, origin: ProofVectors.origin, key: key)
    return key
  }

  @Test func theVectorFilesComeOutOfTheJournalByteForByte() throws {
    let f = try LedgerFixture()
    let key = try Self.vectorJournal(f)
    let (two, isNew) = try Checkpoints.sign(journal: f.path, key: key, size: 2)
    let expectedTwo = try ProofVectors.file("00000000000000000002.checkpoint")
    #expect(isNew && two.bytes == expectedTwo)
    let (three, _) = try Checkpoints.sign(journal: f.path, key: key)
    #expect(three.checkpoint.size == 3)
    let (again, again_isNew) = try Checkpoints.sign(journal: f.path, key: key)
    #expect(!again_isNew && again == three)

    // The witness: follows the log, cosigns 0 → 2, then 2 → 3 at §7's time.
    let state = f.root + "/witness"
    let witness = Witness(state: state)
    try witness.create(key: ProofVectors.witnessKey().verifier)
    try witness.addLog(ProofVectors.logKey().verifier)
    let c2 = try witness.cosign(Checkpoints.consistency(journal: f.path, old: 0, new: 2), signer: ProofVectors.witnessKey(), time: 1)
    let request = try Checkpoints.consistency(journal: f.path, old: 2)
    #expect(request.bytes.prefix(50) == (try ProofVectors.file("consistency-2-3.request")).prefix(50))
    let c3 = try witness.cosign(request, signer: ProofVectors.witnessKey(), time: ProofVectors.witnessTime)

    // The log adds the cosignatures; its policy must know the witness first.
    let log = try CheckpointLog(journal: f.path)
    #expect(throws: JournalError.self) { try log.addCosignatures(c3.line) }
    var policy = try log.policy()
    try policy.addWitness(name: "cress", key: ProofVectors.witnessKey().verifier)
    try policy.setQuorum("cress")
    try log.savePolicy(policy)
    let added = try log.addCosignatures(c3.line + c2.line)
    #expect(added.map(\.size) == [3, 2] && added.allSatisfy(\.added))
    #expect(try log.addCosignatures(c3.line).map(\.added) == [false])
    #expect(try log.checkpoint(size: 3).bytes == (try ProofVectors.file("00000000000000000003.checkpoint")))

    #expect(try Checkpoints.prove(journal: f.path, event: "2").bytes == (try ProofVectors.file("prove-2.proof")))
    #expect(
      try Checkpoints.prove(journal: f.path, event: "00000000-0000-4000-8000-000000000002").bytes
        == (try ProofVectors.file("prove-2.proof")))
    #expect(try Checkpoints.consistency(journal: f.path, old: 2).bytes == (try ProofVectors.file("consistency-2-3.request")))
    #expect(try Checkpoints.consistency(journal: f.path, old: nil, witness: "cress").oldSize == 3)
    let report = try JournalAdmin.verify(journal: f.path)
    #expect(report.isIntact && report.checkpoints.map(\.size) == [2, 3] && report.checkpoints.allSatisfy(\.quorumMet))
  }

  @Test func theDemoJournalHasTheRootsOfTheSpec() throws {
    let f = try LedgerFixture()
    let demo = f.root + "/demo"
    let text = try Demo.run(at: demo)
    #expect(text.contains("Signed checkpoint 1358 (root Dgq69NqTPCmZ5nn3KagYY2qbuEUNBey6XlR6v29CbwM=) with DEMO keys"))
    #expect(try Checkpoints.unsigned(journal: demo, size: 1000).root.base64 == "T+k4mpRf4O/v+Thpgln4nPBUr5wvzA9YXbfuFJpcADM=")
    #expect(try CheckpointLog(journal: demo).latest()?.checkpoint.root.base64 == "Dgq69NqTPCmZ5nn3KagYY2qbuEUNBey6XlR6v29CbwM=")
    let key = try #require(try FileManager.default.attributesOfItem(atPath: demo + "-demo-log.key")[.posixPermissions] as? Int)
    #expect(key == 0o600)
  }

  @Test func aRestoredOldCopyThenAppendedToIsAForkAndIsNotSigned() throws {
    let f = try LedgerFixture()
    let key = try Self.vectorJournal(f)
    let ledger = try f.ledger()
    _ = try ledger.append(
      (0..<300).map { f.event("books.donation-counted", "2023-02-\(10 + $0 % 18)", ["books": .number(JSONNumber(Int64(10 + $0)))]) })
    let backup = f.root + "/backup"
    try FileManager.default.copyItem(atPath: f.path, toPath: backup)
    _ = try ledger.append((0..<40).map { f.event("books.donation-counted", "2023-03-01", ["books": .number(JSONNumber(Int64(500 + $0)))]) })
    let (signed, _) = try Checkpoints.sign(journal: f.path, key: key)
    #expect(signed.checkpoint.size == 343)

    // The old copy is restored with the checkpoints (backups must keep them), then appended to.
    try FileManager.default.removeItem(atPath: backup + "/checkpoints")
    try FileManager.default.copyItem(atPath: f.path + "/checkpoints", toPath: backup + "/checkpoints")
    let behind = #expect(throws: ServiceError.self) { try Checkpoints.sign(journal: backup, key: key) }
    #expect(behind?.code == .badInput && behind?.message.contains("never signs backwards") == true)
    var options = WriterOptions()
    options.clock = f.clock.function
    _ = try Ledger(journal: backup, options: options).append(
      (0..<60).map { f.event("books.donation-counted", "2023-04-01", ["books": .number(JSONNumber(Int64(900 + $0)))]) })
    let before = try FolderSnapshot.files(of: backup, excluding: ["LOCK", "merkle.tiles"])
    let fork = #expect(throws: ServiceError.self) { try Checkpoints.sign(journal: backup, key: key) }
    #expect(fork?.code == .checkFailed && fork?.message.contains("Refusing to sign a fork") == true)
    #expect(try FolderSnapshot.files(of: backup, excluding: ["LOCK", "merkle.tiles"]) == before)
    let verified = try JournalAdmin.verify(journal: backup)
    #expect(verified.damage?.code == .verificationFailed)
  }

  @Test func aLyingTileCacheIsNeverBelieved() throws {
    let f = try LedgerFixture()
    let key = try Self.vectorJournal(f)
    let ledger = try f.ledger()
    _ = try ledger.append((0..<700).map { f.event("books.donation-counted", "2023-02-01", ["books": .number(JSONNumber(Int64(1 + $0)))]) })
    let lines = try allRecords(f.path).map { TreeHash.leaf(lineWithoutNewline: $0.bytes) }
    var reference = LeafHashes(lines)
    _ = try Checkpoints.sign(journal: f.path, key: key, size: 600)

    // A cache file with a wrong tile hash and a valid CRC: it loads, and it lies.
    let cache = TileCache(layout: JournalLayout(root: f.path), disk: Disk(io: POSIXFileIO()))
    var tiles = cache.load()
    #expect(tiles.count == 2)
    tiles[1] = TreeHash.leaf([1, 2, 3])
    try cache.save(tiles)
    #expect(cache.load()[1] == TreeHash.leaf([1, 2, 3]))

    let proof = try Checkpoints.prove(journal: f.path, event: "333")
    #expect(proof.path == (try Merkle.inclusionPath(index: 332, size: 600, from: &reference)))
    try cache.save(tiles)
    let (signed, _) = try Checkpoints.sign(journal: f.path, key: key)
    #expect(signed.checkpoint.root == (try Merkle.root(size: 703, from: &reference)))
    let tile0 = try reference.hash(of: 0..<256)
    let tile1 = try reference.hash(of: 256..<512)
    #expect(cache.load() == [tile0, tile1])
    let consistency = try Checkpoints.consistency(journal: f.path, old: 600)
    #expect(consistency.proof == (try Merkle.consistencyProof(old: 600, new: 703, from: &reference)))
  }

  @Test func journalTreeMatchesTheDefinitionAtEverySizeColdOrWarm() throws {
    let f = try LedgerFixture()
    let ledger = try f.ledger()
    var rng = Seeded(seed: 11)
    var total = 0
    while total < 1100 {
      let n = Int.random(in: 1...180, using: &rng)
      _ = try ledger.append(
        (0..<n).map { f.event("books.donation-counted", "2023-02-01", ["books": .number(JSONNumber(Int64(total + $0 + 1)))]) })
      total += n
    }
    var reference = LeafHashes(try allRecords(f.path).map { TreeHash.leaf(lineWithoutNewline: $0.bytes) })
    for size in [1, 2, 255, 256, 257, 511, 512, 513, 767, 1024, 1025, total].map(UInt64.init) {
      for warm in [false, true] {
        var tree = try JournalTree(journal: f.path)
        if !warm { tree.distrust(from: 0) }
        try tree.extend(to: size)
        #expect(try Merkle.root(size: size, from: &tree) == (try Merkle.root(size: size, from: &reference)), "size \(size)")
        for index in [0, size / 3, size - 1] {
          #expect(
            try Merkle.inclusionPath(index: index, size: size, from: &tree)
              == (try Merkle.inclusionPath(index: index, size: size, from: &reference)))
        }
        #expect(
          try Merkle.consistencyProof(old: size / 2, new: size, from: &tree)
            == (try Merkle.consistencyProof(old: size / 2, new: size, from: &reference)))
        try tree.save()
      }
      // Warm, one proof reads at most one tile of lines and the partial last one: O(256 + log S), whatever S.
      for index in [0, size / 3, size - 1] {
        var tree = try JournalTree(journal: f.path)
        try tree.extend(to: size)
        _ = try Merkle.inclusionPath(index: index, size: size, from: &tree)
        #expect(tree.linesRead <= 256 + Int(size % 256), "PATH(\(index), \(size)) read \(tree.linesRead) lines")
      }
    }
  }

  @Test func theWitnessRefusesWhatItCannotCheckAndKeepsItsState() throws {
    let f = try LedgerFixture()
    let key = try Self.vectorJournal(f)
    _ = try Checkpoints.sign(journal: f.path, key: key, size: 2)
    _ = try Checkpoints.sign(journal: f.path, key: key)
    let state = f.root + "/witness"
    let witness = Witness(state: state)
    let signer = try ProofVectors.witnessKey()
    try witness.create(key: signer.verifier)
    let unknown = #expect(throws: JournalError.self) {
      try witness.cosign(Checkpoints.consistency(journal: f.path, old: 2), signer: signer, time: 1)
    }
    #expect(unknown?.code == .invalidInput && unknown?.message.contains("404") == true)
    try witness.addLog(ProofVectors.logKey().verifier)
    _ = try witness.cosign(Checkpoints.consistency(journal: f.path, old: 0, new: 2), signer: signer, time: 1)
    let kept = try FolderSnapshot.files(of: state)

    // 409: a proof from a size other than the one cosigned; the message says which.
    let conflict = #expect(throws: JournalError.self) {
      try witness.cosign(Checkpoints.consistency(journal: f.path, old: 0), signer: signer, time: 2)
    }
    #expect(conflict?.code == .verificationFailed && conflict?.message.contains("last cosigned size 2") == true)
    // 422: a proof that does not link the two trees.
    var bad = try Checkpoints.consistency(journal: f.path, old: 2)
    bad.proof[0] = TreeHash.leaf([9])
    let evidence = #expect(throws: JournalError.self) { try witness.cosign(bad, signer: signer, time: 3) }
    #expect(evidence?.code == .verificationFailed && evidence?.message.contains("keep this request") == true)
    // 403: a checkpoint signed by another key of the same name.
    let impostor = try NoteSigner(name: ProofVectors.origin, seed: ProofVectors.seed("not the log key"))
    var forged = try Checkpoints.consistency(journal: f.path, old: 2)
    forged.checkpoint.note.signatures = [try impostor.sign(forged.checkpoint.note.text)]
    let unsigned = #expect(throws: JournalError.self) { try witness.cosign(forged, signer: signer, time: 4) }
    #expect(unsigned?.code == .verificationFailed && unsigned?.message.contains("403") == true)
    // 400: an old size above the new one.
    var backwards = try Checkpoints.consistency(journal: f.path, old: 2)
    backwards.oldSize = 5
    #expect((#expect(throws: JournalError.self) { try witness.cosign(backwards, signer: signer, time: 5) })?.code == .invalidInput)
    #expect(try FolderSnapshot.files(of: state) == kept)
    _ = try witness.cosign(Checkpoints.consistency(journal: f.path, old: 2), signer: signer, time: 6)
    #expect(try witness.latest(origin: ProofVectors.origin)?.checkpoint.size == 3)
  }

  @Test func verifyFindsACheckpointThatTheEventsDoNotHashTo() throws {
    let f = try LedgerFixture()
    let key = try Self.vectorJournal(f)
    _ = try Checkpoints.sign(journal: f.path, key: key, size: 2)
    // A validly signed checkpoint of size 3 with another root: what a rewrite of event 3 leaves behind.
    let lie = try Checkpoint(origin: ProofVectors.origin, size: 3, root: TreeHash.leaf([7]))
    let note = SignedNote(text: lie.text, signatures: [try ProofVectors.logKey().sign(lie.text)])
    try Data(note.bytes).write(to: URL(fileURLWithPath: f.path + "/checkpoints/" + CheckpointLog.fileName(size: 3)))
    let report = try JournalAdmin.verify(journal: f.path)
    #expect(report.damage?.code == .verificationFailed && report.damage?.message.contains("first 3 events") == true)
    #expect(report.text.hasSuffix("DAMAGED."))
  }
}
