import Foundation
import TestSupport
import Testing

/// PROOFS.md §6's refusals through the command line: each exits with its code, says what, where and
/// what was expected in the first line of stderr, and leaves the journal (and a witness's state) as it was.
/// These are the proof commands' part of the bad-input corpus.
@Suite("Proof commands", .serialized)
struct ProofCommandTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var status: Int32
    var words: [String]
    var description: String { name }
  }

  /// A journal of §7's three events, signing set up with the test log key, checkpoint 2 signed, and the files the cases use.
  static let work: String = {
    let ess = Tools.built("ess")!
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ess-proof-cli-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let j = dir + "/j"
    func run(_ a: [String]) { precondition(try! Tools.run(ess, a).status == 0, "\(a)") }
    run(["init", "--journal", j])
    run(["import", ProofVectors.journalLines, "--journal", j])
    try! ProofVectors.writeKey(ProofVectors.logKey(), to: dir + "/log.key")
    try! ProofVectors.writeKey(ProofVectors.publisherKey(), to: dir + "/other.key")
    try! ProofVectors.writeKey(ProofVectors.logKey(), to: dir + "/open.key")
    chmod(dir + "/open.key", 0o644)
    run(["checkpoint", "init", "--journal", j, "--origin", ProofVectors.origin, "--key", dir + "/log.key"])
    run(["checkpoint", "--journal", j, "--key", dir + "/log.key", "--size", "2"])
    let proof = try! ProofVectors.text("prove-2.proof")
    var lines = proof.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func write(_ name: String, _ text: String) { try! text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
    write("short-hash.proof", proof.replacingOccurrences(of: lines[3], with: "XZQpGwXM8IE391cWLVw27n94Eundtai9wy8XCODgTQ=="))
    lines.insert(contentsOf: Array(repeating: lines[3], count: 62), at: 3)
    write("long.proof", lines.joined(separator: "\n"))
    write("header.proof", proof.replacingOccurrences(of: "c2sp.org/tlog-proof@v1", with: "c2sp.org/tlog-proof@v2"))
    write("noblank.proof", proof.replacingOccurrences(of: "=\n\nexample.org", with: "=\nexample.org"))
    let extra = proof.split(separator: "\n")[1].dropFirst(6)
    let changed = String(decoding: Data(base64Encoded: String(extra))!, as: UTF8.self).replacingOccurrences(of: "4265", with: "4266")
    write("tampered.proof", proof.replacingOccurrences(of: String(extra), with: Data(changed.utf8).base64EncodedString()))
    write("badsig.proof", proof.replacingOccurrences(of: "1Y4wDjPpcLOMmg", with: "1Y4wDjPpcLOMmh"))
    write("old1.request", try! ProofVectors.text("consistency-2-3.request").replacingOccurrences(of: "old 2", with: "old 1"))
    write("bad.policy", "log \(try! ProofVectors.text("log.vkey"))witnes x y\nquorum none\n")
    write("garbage.cosig", "— example.org/ess/test-witness !!!\n")
    return dir
  }()

  static let vectors = ProofVectors.folder
  static var journal: String { work + "/j" }

  static let cases: [Case] = [
    Case(
      name: "hash of 31 bytes", arguments: ["verify-proof", "W/short-hash.proof", "--vkey", "V/log.vkey"], status: 2,
      words: ["Line 4", "32-byte hash", "31 bytes"]),
    Case(
      name: "proof of 64 hashes", arguments: ["verify-proof", "W/long.proof", "--vkey", "V/log.vkey"], status: 2,
      words: ["more than 63 hashes"]),
    Case(
      name: "unknown header", arguments: ["verify-proof", "W/header.proof", "--vkey", "V/log.vkey"], status: 2,
      words: ["c2sp.org/tlog-proof@v1"]),
    Case(
      name: "no blank line", arguments: ["verify-proof", "W/noblank.proof", "--vkey", "V/log.vkey"], status: 2,
      words: ["Line 6 of the proof", "32-byte hash"]),
    Case(
      name: "unknown log", arguments: ["verify-proof", "V/prove-2.proof", "--vkey", "V/publisher.vkey"], status: 2,
      words: ["origin 'example.org/ess/test'", "not a log"]),
    Case(
      name: "event changed", arguments: ["verify-proof", "W/tampered.proof", "--vkey", "V/log.vkey"], status: 1,
      words: ["does not lead from event 2", "changed"]),
    Case(
      name: "signature changed", arguments: ["verify-proof", "W/badsig.proof", "--vkey", "V/log.vkey"], status: 1,
      words: ["signature of example.org/ess/test", "does not verify"]),
    Case(
      name: "quorum not met", arguments: ["verify-proof", "W/tampered.proof", "--policy", "W/bad.policy"], status: 2,
      words: ["Policy line 2", "witnes"]),
    Case(
      name: "old size mismatch",
      arguments: ["verify-consistency", "V/00000000000000000002.checkpoint", "W/old1.request", "--vkey", "V/log.vkey"], status: 2,
      words: ["size 1", "size 2"]),
    Case(
      name: "key of another name", arguments: ["checkpoint", "--journal", "J", "--key", "W/other.key"], status: 2,
      words: ["example.org/ess/test-bilans", "origin is 'example.org/ess/test'"]),
    Case(
      name: "key readable by others", arguments: ["checkpoint", "--journal", "J", "--key", "W/open.key"], status: 2, words: ["chmod 600"]),
    Case(
      name: "signing backwards", arguments: ["checkpoint", "--journal", "J", "--key", "W/log.key", "--size", "1"], status: 2,
      words: ["never signs backwards", "size 2"]),
    Case(
      name: "past the head", arguments: ["checkpoint", "--journal", "J", "--key", "W/log.key", "--size", "9"], status: 2,
      words: ["holds only 3 events"]),
    Case(
      name: "seq not yet signed", arguments: ["prove", "3", "--journal", "J"], status: 2,
      words: ["Seq 3 is in no signed checkpoint yet (latest: 2)", "ess checkpoint"]),
    Case(
      name: "origin set twice", arguments: ["checkpoint", "init", "--journal", "J", "--origin", "x.org/j", "--key-out", "W/new.key"],
      status: 2, words: ["already has an origin"]),
    Case(
      name: "malformed cosignature", arguments: ["checkpoint", "add-cosignature", "W/garbage.cosig", "--journal", "J"], status: 2,
      words: ["Signature line 1", "base64"]),
    Case(
      name: "unknown witness in policy", arguments: ["consistency", "--witness", "cress", "--journal", "J"], status: 2,
      words: ["no witness named 'cress'"]),
  ]

  func expand(_ arguments: [String]) -> [String] {
    arguments.map {
      $0 == "J"
        ? Self.journal : $0.replacingOccurrences(of: "W/", with: Self.work + "/").replacingOccurrences(of: "V/", with: Self.vectors + "/")
    }
  }

  @Test(arguments: cases)
  func isRefusedWithOneSentenceAndChangesNothing(_ c: Case) throws {
    let ess = try #require(Tools.built("ess"))
    let before = try FolderSnapshot.files(of: Self.journal)
    let r = try Tools.run(ess, expand(c.arguments), environment: ["ESS_JOURNAL": nil, "ESS_LOG_KEY": nil])
    let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(r.status == c.status, "\(c.name): exit \(r.status); \(first)")
    #expect(first.hasPrefix("ess: ") || first.hasPrefix("Error: "), "\(c.name): \(first)")
    for w in c.words { #expect(first.contains(w), "\(c.name): lacks \"\(w)\": \(first)") }
    #expect(r.stderr.split(separator: "\n").count == 1, "\(c.name): more than one line: \(r.stderr)")
    #expect(try FolderSnapshot.files(of: Self.journal) == before, "\(c.name): the journal changed")
    #expect(!FileManager.default.fileExists(atPath: Self.work + "/new.key"))
  }

  @Test func versionNamesTheBuild() throws {
    let ess = try #require(Tools.built("ess"))
    let r = try Tools.run(ess, ["--version"])
    #expect(r.status == 0)
    #expect(r.stdout.wholeMatch(of: /ess\/\d+\.\d+\.\d+\+[0-9a-f]{12}\n/) != nil, "\(r.stdout)")
  }

  @Test func aReceiptIsWrittenCheckedAndRefusedWhenTheFileChanged() throws {
    let ess = try #require(Tools.built("ess"))
    let dir = Self.work + "/receipt"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let j = dir + "/j"
    _ = try Tools.run(ess, ["init", "--journal", j])
    _ = try Tools.run(ess, ["import", ProofVectors.journalLines, "--journal", j])
    _ = try Tools.run(ess, ["checkpoint", "init", "--journal", j, "--origin", ProofVectors.origin, "--key", Self.work + "/log.key"])
    _ = try Tools.run(ess, ["checkpoint", "--journal", j, "--key", Self.work + "/log.key"])
    let noKey = try Tools.run(ess, ["bilan", "2022", "--journal", j, "--receipt", dir + "/r"], environment: ["ESS_PUBLISHER_KEY": nil])
    #expect(noKey.status == 2 && noKey.stderr.contains("--key FILE"))
    let made = try Tools.run(
      ess,
      [
        "bilan", "2022", "--as-known-on", "2023-03-31", "--format", "json", "--journal", j, "--receipt", dir + "/b.receipt", "--key",
        Self.work + "/other.key", "--author", "c.muller",
      ])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(ProofVectors.withoutChanges(Array(made.stdout.utf8)) == (try ProofVectors.file("bilan-2022.json")))
    #expect(made.stderr.contains("covers the tree of 3 events; logged as event 4 (bilan.published)"))
    try made.stdout.write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
    let vkey = try ProofVectors.publisherKey().verifier.vkey
    let ok = try Tools.run(ess, ["verify-receipt", dir + "/b.receipt", dir + "/b.json", "--vkey", vkey, "--journal", j, "--rerun"])
    #expect(ok.status == 0 && ok.stdout.hasPrefix("Verified: signed by example.org/ess/test-bilans;"), "\(ok.stderr)")
    try made.stdout.replacingOccurrences(of: "4265", with: "4266").write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
    let bad = try Tools.run(ess, ["verify-receipt", dir + "/b.receipt", dir + "/b.json", "--vkey", vkey])
    #expect(bad.status == 1 && bad.stderr.hasPrefix("ess: The file's SHA-256 is "))
    let malformed = try Tools.run(ess, ["verify-receipt", Self.vectors + "/log.vkey", dir + "/b.json", "--vkey", vkey])
    #expect(malformed.status == 2 && malformed.stderr.hasPrefix("ess: The receipt has no blank line"))
  }

  @Test func signingIsNotSetUpSaysHow() throws {
    let ess = try #require(Tools.built("ess"))
    let j = Self.work + "/bare"
    _ = try Tools.run(ess, ["init", "--journal", j])
    let r = try Tools.run(ess, ["prove", "1", "--journal", j])
    #expect(r.status == 2 && r.stderr.contains("no checkpoint origin yet") && r.stderr.contains("ess checkpoint init --origin"))
  }

  @Test func aWitnessAnswers409WithItsSizeAnd422KeepsItsState() throws {
    let ess = try #require(Tools.built("ess"))
    let state = Self.work + "/witness"
    let key = Self.work + "/witness.key"
    let created = try Tools.run(ess, ["witness", "init", "--name", "example.org/ess/w2", "--key-out", key, "--state", state])
    #expect(created.status == 0 && created.stdout.hasPrefix("example.org/ess/w2+"))
    #expect(try Tools.run(ess, ["witness", "add-log", "--state", state, Self.vectors + "/log.vkey"]).status == 0)
    let request = Self.work + "/r02"
    let made = try Tools.run(ess, ["consistency", "0", "2", "--journal", Self.journal])
    try made.stdout.write(toFile: request, atomically: true, encoding: .utf8)
    let cosigned = try Tools.run(ess, ["witness", "cosign", "--state", state, "--key", key, request])
    #expect(cosigned.status == 0 && cosigned.stdout.hasPrefix("— example.org/ess/w2 "))
    let kept = try FolderSnapshot.files(of: state)
    let again = try Tools.run(ess, ["witness", "cosign", "--state", state, "--key", key, request])
    #expect(again.status == 1 && again.stderr.contains("last cosigned size 2") && again.stderr.contains("409"))
    let bad = Self.work + "/bad.request"
    let vector = try ProofVectors.text("consistency-2-3.request")
    try vector.replacingOccurrences(of: "iM0aYNeYm82bjLGk", with: "iM0aYNeYm82bjLGj").write(toFile: bad, atomically: true, encoding: .utf8)
    let evidence = try Tools.run(ess, ["witness", "cosign", "--state", state, "--key", key, bad])
    #expect(evidence.status == 1 && evidence.stderr.contains("422") && evidence.stderr.contains("keep this request"))
    #expect(try FolderSnapshot.files(of: state) == kept)
  }
}
