import Crypto
import Foundation
import Testing

@testable import Journal

/// PROOFS.md §7, byte for byte: the files in Tools/audit/vectors are the
/// spec's vectors, shared with the Python and Go verifiers.
@Suite struct ProofVectorTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tools/audit/vectors").path

  static func file(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) }
  static func text(_ name: String) throws -> String { String(decoding: try file(name), as: UTF8.self) }

  static func lines() throws -> [[UInt8]] {
    try file("journal.jsonl").split(separator: 0x0A).map { Array($0) + [0x0A] }
  }

  static func seed(_ phrase: String) -> [UInt8] { Array(SHA256.hash(data: Array(phrase.utf8))) }

  static let logVkey = "example.org/ess/test+d58e300e+AX60EImsYJQH38NvAlzk9VH1rKcjGffU8mWW6RVH+hwZ"
  static let witnessVkey = "example.org/ess/test-witness+1b1c1495+BAa4gUKCCHNsnV6J4UIcUa6unsfq0QDAFt+EIM8pkH8o"
  static let publisherVkey = "example.org/ess/test-bilans+4af77d5d+AfTJYbLx35VokvWWx05fEnKQoiAi4ZLSzqTi2eKwNVNF"

  static func policy(witness: Bool) throws -> WitnessPolicy {
    try WitnessPolicy(text: "log \(logVkey)\n" + (witness ? "witness w \(witnessVkey)\nquorum w\n" : "quorum none\n"))
  }

  @Test func leavesRootsPathsAndProofs() throws {
    let leaves = try Self.lines().map { TreeHash.leaf($0) }
    #expect(try Self.lines().map(\.count) == [449, 368, 403])
    #expect(
      leaves.map(\.hex) == [
        "5d94291b05ccf08137f757162d5c36ee7f7812e9ddb5a8bdc32f1708e0e04dc3",
        "8c370205fba09a7aa1a46a57ed3f356add099004cdde61d899ea56994907db1a",
        "88cd1a60d7989bcd9b8cb1a4ee2c4c31ca8d49bb77cd2e9623c45f76816927be",
      ])
    var tree = LeafHashes(leaves)
    let roots = try (0...3).map { try Merkle.root(size: UInt64($0), from: &tree).base64 }
    #expect(
      roots == [
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "XZQpGwXM8IE391cWLVw27n94Eundtai9wy8XCODgTcM=",
        "5Cwtwva3p2cO0r94OWQUHePnnU5zLbHTmZUM5GGzVe4=", "SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0=",
      ])
    let paths = try (0..<3).map { try Merkle.inclusionPath(index: UInt64($0), size: 3, from: &tree).map(\.base64) }
    #expect(
      paths == [
        ["jDcCBfugmnqhpGpX7T81at0JkATN3mHYmepWmUkH2xo=", "iM0aYNeYm82bjLGk7ixMMcqNSbt3zS6WI8RfdoFpJ74="],
        ["XZQpGwXM8IE391cWLVw27n94Eundtai9wy8XCODgTcM=", "iM0aYNeYm82bjLGk7ixMMcqNSbt3zS6WI8RfdoFpJ74="],
        ["5Cwtwva3p2cO0r94OWQUHePnnU5zLbHTmZUM5GGzVe4="],
      ])
    #expect(
      try Merkle.consistencyProof(old: 1, new: 3, from: &tree).map(\.base64) == [
        "jDcCBfugmnqhpGpX7T81at0JkATN3mHYmepWmUkH2xo=", "iM0aYNeYm82bjLGk7ixMMcqNSbt3zS6WI8RfdoFpJ74=",
      ])
    #expect(try Merkle.consistencyProof(old: 2, new: 3, from: &tree).map(\.base64) == ["iM0aYNeYm82bjLGk7ixMMcqNSbt3zS6WI8RfdoFpJ74="])
  }

  @Test func keysFromTheirSeeds() throws {
    let log = try NoteSigner(name: "example.org/ess/test", seed: Self.seed("ess test log key"))
    let witness = try NoteSigner(name: "example.org/ess/test-witness", kind: .cosignature, seed: Self.seed("ess test witness key"))
    let publisher = try NoteSigner(name: "example.org/ess/test-bilans", seed: Self.seed("ess test publisher key"))
    #expect(log.verifier.vkey == Self.logVkey)
    #expect(witness.verifier.vkey == Self.witnessVkey)
    #expect(publisher.verifier.vkey == Self.publisherVkey)
    #expect(Hex.encode(log.verifier.keyID) == "d58e300e")
    #expect(log.skey + "\n" == (try Self.text("log.skey")))
    #expect(try NoteSigner(skey: Self.text("log.skey")).verifier == log.verifier)
    #expect(try NoteVerifier(vkey: Self.text("witness.vkey")) == witness.verifier)
    #expect(try NoteVerifier(vkey: Self.text("publisher.vkey")) == publisher.verifier)
  }

  @Test func checkpointSignaturesAndCosignature() throws {
    let two = try SignedCheckpoint(parsing: Self.file("00000000000000000002.checkpoint"))
    let three = try SignedCheckpoint(parsing: Self.file("00000000000000000003.checkpoint"))
    #expect(two.bytes == (try Self.file("00000000000000000002.checkpoint")))
    #expect(three.bytes == (try Self.file("00000000000000000003.checkpoint")))
    #expect(three.note.text.count == 68)
    #expect(SignedNote(text: three.note.text, signatures: [three.note.signatures[0]]).bytes.count == 187)
    #expect(try two.verify(Self.policy(witness: false)).isEmpty)
    #expect(try three.verify(Self.policy(witness: true)).map(\.name) == ["example.org/ess/test-witness"])
    #expect(Cosignature.time(of: three.note.signatures[1].signature) == 1_767_225_600)
    #expect(throws: JournalError.self) { try two.verify(Self.policy(witness: true)) }  // quorum not met
    #if os(Linux)
      let log = try NoteSigner(skey: Self.text("log.skey"))
      #expect(try log.sign(two.note.text) == two.note.signatures[0])
      #expect(try log.sign(three.note.text) == three.note.signatures[0])
      let witness = try NoteSigner(name: "example.org/ess/test-witness", kind: .cosignature, seed: Self.seed("ess test witness key"))
      #expect(try witness.sign(three.note.text, time: 1_767_225_600) == three.note.signatures[1])
    #endif
  }

  @Test func inclusionProofFile() throws {
    let bytes = try Self.file("prove-2.proof")
    let proof = try InclusionProof(parsing: bytes)
    #expect(proof.bytes == bytes)
    #expect(proof.extra.map { Base64.encode($0).count } == 492)
    let line = try ProofVerifier.inclusion(proof, policy: Self.policy(witness: true))
    #expect(line == (try Self.lines()[1]))
    #expect(try ProofVerifier.inclusion(proof, policy: Self.policy(witness: false), event: Self.lines()[1]) == line)
    // PROOFS.md §7's negative vector: 4265 → 4266 inside extra.
    var changed = proof
    changed.extra = Array(String(decoding: proof.extra!, as: UTF8.self).replacing("4265", with: "4266").utf8)
    #expect(changed.extra != proof.extra)
    let error = #expect(throws: JournalError.self) { try ProofVerifier.inclusion(changed, policy: Self.policy(witness: false)) }
    #expect(error?.code == .verificationFailed)
  }

  @Test func consistencyRequestFile() throws {
    let bytes = try Self.file("consistency-2-3.request")
    let request = try ConsistencyProof(parsing: bytes)
    #expect(request.bytes == bytes)
    let two = try SignedCheckpoint(parsing: Self.file("00000000000000000002.checkpoint"))
    try ProofVerifier.consistency(old: two, proof: request, policy: Self.policy(witness: true))
    // PROOFS.md §7's negative vector: checkpoint 2 with an `old 1` request.
    var wrong = request
    wrong.oldSize = 1
    let error = #expect(throws: JournalError.self) {
      try ProofVerifier.consistency(old: two, proof: wrong, policy: Self.policy(witness: false))
    }
    #expect(error?.code == .invalidInput)
    // A flipped bit in the proof: the new tree is no extension of the old one.
    var flipped = request
    flipped.proof[0] = MerkleTests.flipped(flipped.proof[0], bit: 9)
    let failure = #expect(throws: JournalError.self) {
      try ProofVerifier.consistency(old: two, proof: flipped, policy: Self.policy(witness: false))
    }
    #expect(failure?.code == .verificationFailed)
  }

  @Test func receiptSignatureVerifies() throws {
    let note = try SignedNote(parsing: Self.file("bilan-2022.receipt"), what: "receipt")
    let publisher = try NoteVerifier(vkey: Self.publisherVkey)
    #expect(try note.verify(by: [publisher], what: "receipt") == [publisher])
    var bad = note
    bad.text[bad.text.count - 3] ^= 1
    #expect(throws: JournalError.self) { try bad.verify(by: [publisher], what: "receipt") }
  }
}
