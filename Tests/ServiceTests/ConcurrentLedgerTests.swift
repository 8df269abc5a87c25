import Foundation
import TestSupport
import Testing

@testable import Journal
@testable import Service

/// Admins appending at once, each through `ess` in a process of its own:
/// every rule holds, nothing refused is written, and the integrity index the
/// processes kept between them is the one the whole journal folds into.
@Suite("Concurrent appends through ess", .serialized)
struct ConcurrentLedgerTests {
  @Test func fourAdminsAppendCheckedAndUncheckedEventsAtOnce() throws {
    let ess = try #require(Tools.built("ess"))
    let root = FileManager.default.temporaryDirectory.path + "/ess-concurrent-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let journal = root + "/j"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    #expect(try Tools.run(ess, ["init", "--journal", journal]).status == 0)
    for k in 0..<4 {
      let award = try Tools.run(
        ess,
        [
          "append", "procurement.contract-awarded", "--journal", journal, "--occurred-on", "2022-01-0\(k + 1)", "--author", "a\(k)",
          "contractId=c\(k)", "title=Marché \(k)", "buyer=ville", "awardee=A", "amountEUR=100", "socialClause=true",
          "environmentalClause=false", "awardeeIsESS=true", "awardeeIsSME=true", "awardeeIsLocal=true",
        ])
      #expect(award.status == 0, "\(award.stderr)")
    }
    // Each admin: reports on its contract (checked), books (unchecked), and a report on a contract
    // never awarded (refused), over and over.
    let rounds = 8
    var admins: [Process] = []
    for k in 0..<4 {
      let script = """
        for i in $(seq 1 \(rounds)); do
          "$ESS" append procurement.insertion-hours-reported --journal "$J" --occurred-on 2022-03-01 --author a\(k) \
            contractId=c\(k) insertionHours=$i trainingHours=0 beneficiaries=1 beneficiariesInQPV=0 >/dev/null || exit 10
          "$ESS" append books.donation-counted --journal "$J" --occurred-on 2022-03-02 --author a\(k) books=$i >/dev/null || exit 11
          if "$ESS" append procurement.insertion-hours-reported --journal "$J" --occurred-on 2022-03-03 --author a\(k) \
            contractId=ghost\(k) insertionHours=1 trainingHours=0 beneficiaries=1 beneficiariesInQPV=0 2>/dev/null; then exit 12; fi
        done
        """
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", script]
      var env = ProcessInfo.processInfo.environment
      env["ESS"] = ess
      env["J"] = journal
      p.environment = env
      admins.append(p)
    }
    for p in admins { try p.run() }
    for p in admins {
      p.waitUntilExit()
      #expect(p.terminationStatus == 0, "an admin's loop stopped with \(p.terminationStatus)")
    }
    let records = try allRecords(journal)
    #expect(records.count == 4 + 4 * rounds * 2)
    #expect(!records.contains { String(decoding: $0.dataBytes, as: UTF8.self).contains("ghost") })
    #expect(try Verifier.verify(at: journal).isIntact)
    // The index the processes kept is the whole journal's.
    let head = try Reader(at: journal).head()
    let kept = try IntegrityStore(journal: journal)
    #expect(kept.index.open() == KeyedCache.Stamp(seq: head.seq, hash: head.hash))
    let keptEntries = try kept.index.all()
    let copy = root + "/copy"
    try FileManager.default.copyItem(atPath: journal, toPath: copy)
    try FileManager.default.removeItem(atPath: copy + "/cache")
    _ = try Ledger(journal: copy).rebuildIndexes()
    let rebuilt = try IntegrityStore(journal: copy)
    #expect(rebuilt.index.open() == KeyedCache.Stamp(seq: head.seq, hash: head.hash))
    #expect(try rebuilt.index.all() == keptEntries)
    #expect(keptEntries.count == 4)
  }
}
