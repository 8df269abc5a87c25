import Foundation
import TestSupport
import Testing

@testable import Journal
@testable import Service

/// `ess publish` and `ess mirror` through the service, from a folder (the CLI tests do it over HTTP):
/// the mirror holds the same bytes, grows with its source, and refuses whatever is not the signed history that extends it.
@Suite struct MirrorTests {
  /// A journal of `count` events, signing set up with the test log key, signed at its head.
  static func source(_ f: LedgerFixture, count: Int, books: Int = 1) throws -> String {
    let key = f.root + "/log.key"
    if !FileManager.default.fileExists(atPath: key) {
      try ProofVectors.writeKey(ProofVectors.logKey(), to: key)
      _ = try Checkpoints.setUp(journal: f.path, origin: ProofVectors.origin, key: key)
    }
    let ledger = try f.ledger()
    _ = try ledger.append(
      (0..<count).map { f.event("books.donation-counted", "2023-02-01", ["books": .number(JSONNumber(Int64(books + $0)))]) })
    _ = try Checkpoints.sign(journal: f.path, key: key)
    return key
  }

  static func vkey() throws -> String { try ProofVectors.logKey().verifier.vkey }

  static func lines(_ journal: String) throws -> [[UInt8]] { try allRecords(journal).map(\.lineBytes) }

  @Test func theMirrorHoldsTheSameBytesAndGrowsWithItsSource() throws {
    let f = try LedgerFixture()
    _ = try Self.source(f, count: 700)
    let site = f.root + "/site"
    let mirror = f.root + "/mirror"
    let first = try Publishing.publish(journal: f.path, to: site)
    #expect(first.tiles.size == 700 && first.tiles.unchanged == 0)
    #expect(
      FileManager.default.fileExists(atPath: site + "/tile/0/002.p/188") && FileManager.default.fileExists(atPath: site + "/tile/1/000.p/2")
    )
    let r1 = try Mirroring.mirror(source: site, into: mirror, vkey: try Self.vkey())
    #expect(r1.before == 0 && r1.after == 700)
    #expect(try Self.lines(mirror) == (try Self.lines(f.path)))

    _ = try Self.source(f, count: 90, books: 5000)
    let second = try Publishing.publish(journal: f.path, to: site)
    #expect(second.tiles.unchanged > 0)
    #expect(
      FileManager.default.fileExists(atPath: site + "/tile/0/002.p/188")
        && FileManager.default.fileExists(atPath: site + "/tile/0/003.p/22"))
    let r2 = try Mirroring.mirror(source: site, into: mirror)
    #expect(r2.before == 700 && r2.after == 790)
    #expect(try Self.lines(mirror) == (try Self.lines(f.path)))
    let report = try JournalAdmin.verify(journal: mirror)
    #expect(report.isIntact && report.checkpoints.map(\.size) == [700, 790])
    #expect(try CheckpointLog(journal: mirror).latest() == (try CheckpointLog(journal: f.path).latest()))
    let again = try Mirroring.mirror(source: site, into: mirror)
    #expect(again.before == 790 && again.after == 790)
  }

  /// Each bad source is refused with `.checkFailed`, and the mirror's files stay as they were.
  func refused(_ site: String, _ mirror: String, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = try FolderSnapshot.files(of: mirror, excluding: ["LOCK", "merkle.tiles"])
    let error = #expect(throws: ServiceError.self, sourceLocation: sourceLocation) { try Mirroring.mirror(source: site, into: mirror) }
    #expect(error?.code == .checkFailed, sourceLocation: sourceLocation)
    #expect(error?.message.contains(words) == true, "\(error?.message ?? "")", sourceLocation: sourceLocation)
    #expect(try FolderSnapshot.files(of: mirror, excluding: ["LOCK", "merkle.tiles"]) == before, sourceLocation: sourceLocation)
  }

  @Test func aTamperedOrTruncatedTileIsRefusedAndTheMirrorKeptAsItWas() throws {
    let f = try LedgerFixture()
    _ = try Self.source(f, count: 300)
    let site = f.root + "/site"
    let mirror = f.root + "/mirror"
    _ = try Publishing.publish(journal: f.path, to: site)
    _ = try Mirroring.mirror(source: site, into: mirror, vkey: try Self.vkey())
    _ = try Self.source(f, count: 300, books: 9000)
    _ = try Publishing.publish(journal: f.path, to: site)

    func tamper(_ path: String, _ change: (inout [UInt8]) -> Void) throws -> [UInt8] {
      let original = Array(try Data(contentsOf: URL(fileURLWithPath: site + "/" + path)))
      var bytes = original
      change(&bytes)
      try Data(bytes).write(to: URL(fileURLWithPath: site + "/" + path))
      return original
    }
    func restore(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: site + "/" + path)) }

    var kept = try tamper("tile/0/001") { $0[40] ^= 1 }
    try refused(site, mirror, saying: "tile/0/001 is not the hashes of its entries")
    try restore("tile/0/001", kept)
    kept = try tamper("tile/entries/001") { $0.removeLast(10) }
    try refused(site, mirror, saying: "tile/entries/001 is not 256 well-formed entries")
    try restore("tile/entries/001", kept)
    kept = try tamper("tile/1/000.p/2") { $0[3] ^= 0x80 }
    try refused(site, mirror, saying: "tile/1/000.p/2 is not what its lower tiles hash to")
    try restore("tile/1/000.p/2", kept)
    // An event changed in its bundle and its level-0 tile made to match: the signed root catches it.
    var bundle = Array(try Data(contentsOf: URL(fileURLWithPath: site + "/tile/entries/002.p/88")))
    let at = try #require(bundle.indices.first { bundle[$0...].starts(with: Array("\"books\":9".utf8)) })
    bundle[at + 8] = UInt8(ascii: "8")
    try Data(bundle).write(to: URL(fileURLWithPath: site + "/tile/entries/002.p/88"))
    let entries = try #require(TlogTiles.entries(bundle, count: 88))
    try Data(TlogTiles.bytes(entries.map { TreeHash.leaf($0) })).write(to: URL(fileURLWithPath: site + "/tile/0/002.p/88"))
    try refused(site, mirror, saying: "do not hash to its signed root")
  }

  @Test func aRewrittenHistoryOrARollbackIsRefused() throws {
    let f = try LedgerFixture()
    _ = try Self.source(f, count: 400)
    let mirror = f.root + "/mirror"
    let site = f.root + "/site"
    _ = try Publishing.publish(journal: f.path, to: site)
    _ = try Mirroring.mirror(source: site, into: mirror, vkey: try Self.vkey())

    // The same log (same key) with another history of 500 events: a fork.
    let g = try LedgerFixture()
    _ = try Self.source(g, count: 500, books: 2)
    let forked = g.root + "/site"
    _ = try Publishing.publish(journal: g.path, to: forked)
    try refused(forked, mirror, saying: "differs from the one this mirror holds")

    // A source behind the mirror: a rollback.
    let h = try LedgerFixture()
    _ = try Self.source(h, count: 100)
    let behind = h.root + "/site"
    _ = try Publishing.publish(journal: h.path, to: behind)
    try refused(behind, mirror, saying: "rolled its history back")

    // Publishing another history into a folder that holds this one is refused too.
    let error = #expect(throws: ServiceError.self) { try Publishing.publish(journal: g.path, to: site) }
    #expect(error?.code == .checkFailed && error?.message.contains("already published with other bytes") == true)
  }
}
