import Foundation
import TestSupport
import Testing

@testable import Journal

/// What a power cut leaves that a crash of the process cannot: a commit whose
/// pages did not all reach the disk though its trailer did, tails torn twice
/// at the same place, a journal half created.
@Suite("Power-cut recovery")
struct PowerCutRecoveryTests {
  /// A journal of three commits, then a fourth whose HEAD update was lost and
  /// one byte of whose data (not its trailer) never reached the disk.
  func journalWithATornLastCommit(_ name: String, headClaimsIt: Bool) throws -> (TestJournal, [Record]) {
    let f = try RecoveryTests.fixture(name)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: f.segment))
    // A lost sector inside the last commit's data (zeros, up to 512 bytes), its trailer whole.
    let start = f.lastCommitStart + 40
    let end = min(start + 512, f.lastCommitEnd - 92 - 1)
    #expect(end - start > 16)
    bytes.replaceSubrange(start..<end, with: Data(repeating: 0, count: end - start))
    try bytes.write(to: URL(fileURLWithPath: f.segment))
    if !headClaimsIt { try f.headBeforeLast.write(to: URL(fileURLWithPath: f.journal.path + "/HEAD")) }
    return (f.journal, f.earlier)
  }

  @Test func aTornCommitNeverAcknowledgedIsSetAsideAndTheJournalOpens() throws {
    let (j, earlier) = try journalWithATornLastCommit("tornlast", headClaimsIt: false)
    // Readers see the acknowledged commits, and verify says only that an interrupted write follows.
    var seen: [Record] = []
    try Reader(at: j.path).forEach { seen.append($0) }
    #expect(seen == earlier)
    let report = try Verifier.verify(at: j.path)
    #expect(report.isIntact && report.uncommittedTail != nil)
    let w = try Writer(at: j.path)
    #expect(w.recoveryNotes.count == 1)
    #expect(try w.append([Sample.event(100)])[0].seq == UInt64(earlier.count + 1))
    #expect(try Verifier.verify(at: j.path).isIntact)
    #expect(try FileManager.default.contentsOfDirectory(atPath: j.path + "/quarantine").count == 1)
  }

  @Test func theSameTearInAnAcknowledgedCommitIsDamage() throws {
    let (j, _) = try journalWithATornLastCommit("tornacked", headClaimsIt: true)
    #expect(throws: JournalError.self) { _ = try Writer(at: j.path) }
    let report = try Verifier.verify(at: j.path)
    #expect(report.damage?.code == .damaged)
    // What was checked before the damage is told, not "0 events".
    #expect(report.events == 9 && report.headSeq == 9)
  }

  @Test func tailsTornTwiceAtTheSamePlaceAreBothKept() throws {
    let j = try TestJournal()
    let w = try j.writer()
    try w.append(Sample.events(0..<3))
    let segment = try j.segmentPaths().last!
    for garbage in [Data("first torn write".utf8), Data("second, at the same offset".utf8)] {
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
      handle.seekToEndOfFile()
      handle.write(garbage)
      try handle.close()
      _ = try Writer(at: j.path)  // sets the tail aside, cuts it
    }
    let kept = try FileManager.default.contentsOfDirectory(atPath: j.path + "/quarantine").sorted()
    #expect(kept.count == 2, "\(kept)")
    let contents = try kept.map { try String(contentsOfFile: j.path + "/quarantine/" + $0, encoding: .utf8) }
    #expect(Set(contents) == ["first torn write", "second, at the same offset"])
  }

  @Test func anInterruptedCreateIsFinishedAndAnythingElseRefused() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("ess-init-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    // What a create cut short leaves: some folders, HEAD, no marker.
    try FileManager.default.createDirectory(atPath: base + "/segments", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: base + "/index", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: base + "/HEAD.tmp", contents: Data())
    #expect(throws: JournalError.self) { _ = try Reader(at: base) }
    try Writer.create(at: base)
    #expect(try Writer(at: base).append([Sample.event(1)])[0].seq == 1)
    // A folder holding anything else is not taken.
    let other = base + "-other"
    defer { try? FileManager.default.removeItem(atPath: other) }
    try FileManager.default.createDirectory(atPath: other + "/segments", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: other + "/notes.txt", contents: Data("mine".utf8))
    #expect(throws: JournalError.self) { try Writer.create(at: other) }
  }
}
