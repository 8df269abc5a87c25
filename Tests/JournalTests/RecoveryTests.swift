import Foundation
import TestSupport
import Testing

@testable import Journal

/// Crash recovery: torn tails, garbage tails, and damage that must never be
/// mistaken for a torn tail.
@Suite("Recovery")
struct RecoveryTests {
  /// A journal with a few commits, the HEAD before its last commit, and the last commit's range.
  struct Fixture {
    let journal: TestJournal
    let headBeforeLast: Data
    let lastCommitStart: Int
    let lastCommitEnd: Int
    let earlier: [Record]
    let segment: String
  }

  static func fixture(_ name: String) throws -> Fixture {
    let j = try TestJournal(name)
    let w = try j.writer()
    try w.append(Sample.events(0..<3))
    try w.append(Sample.events(3..<4))
    try w.append(Sample.events(4..<9))
    let earlier = try j.all()
    let segment = try j.segmentPaths().last!
    let start = try Data(contentsOf: URL(fileURLWithPath: segment)).count
    let head = try Data(contentsOf: URL(fileURLWithPath: j.path + "/HEAD"))
    try w.append(Sample.events(9..<12))
    let end = try Data(contentsOf: URL(fileURLWithPath: segment)).count
    return Fixture(journal: j, headBeforeLast: head, lastCommitStart: start, lastCommitEnd: end, earlier: earlier, segment: segment)
  }

  /// After recovery: earlier commits intact, the torn one absent, the next append works and verifies.
  static func expectRecovers(_ f: Fixture, at path: String, cut: Int) throws {
    let w = try Writer(at: path)
    var got: [Record] = []
    try Reader(at: path).forEach { got.append($0) }
    #expect(got == f.earlier, "cut at \(cut)")
    let next = try w.append([Sample.event(100)])
    #expect(next[0].seq == UInt64(f.earlier.count + 1), "cut at \(cut)")
    let report = try Verifier.verify(at: path)
    #expect(report.isIntact && report.uncommittedTail == nil && report.events == UInt64(f.earlier.count + 1), "cut at \(cut)")
  }

  @Test func tornTailAtEveryByteOfTheLastCommit() throws {
    let f = try Self.fixture("torn")
    let copy = f.journal.root + "/copy"
    let name = URL(fileURLWithPath: f.segment).lastPathComponent
    let full = try Data(contentsOf: URL(fileURLWithPath: f.segment))
    #expect(f.lastCommitEnd - f.lastCommitStart > 100)
    for cut in f.lastCommitStart..<f.lastCommitEnd {
      try f.journal.copy(to: copy)
      // The crash happened during the commit: the file holds a prefix, HEAD is the one before.
      try full.prefix(cut).write(to: URL(fileURLWithPath: copy + "/segments/" + name))
      try f.headBeforeLast.write(to: URL(fileURLWithPath: copy + "/HEAD"))
      // A reader before any writer: sees exactly the earlier commits.
      var seen: [Record] = []
      try Reader(at: copy).forEach { seen.append($0) }
      #expect(seen == f.earlier, "cut at \(cut)")
      try Self.expectRecovers(f, at: copy, cut: cut)
      if cut > f.lastCommitStart {
        let kept = try FileManager.default.contentsOfDirectory(atPath: copy + "/quarantine")
        #expect(kept.count == 1, "the cut bytes are kept, cut at \(cut)")
      }
    }
  }

  @Test func tornTailWithoutAnyHEADFile() throws {
    let f = try Self.fixture("nohead")
    let full = try Data(contentsOf: URL(fileURLWithPath: f.segment))
    try full.prefix((f.lastCommitStart + f.lastCommitEnd) / 2).write(to: URL(fileURLWithPath: f.segment))
    try FileManager.default.removeItem(atPath: f.journal.path + "/HEAD")
    try Self.expectRecovers(f, at: f.journal.path, cut: -1)
  }

  @Test func garbageTailIsIgnoredThenCutOff() throws {
    let f = try Self.fixture("garbage")
    let copy = f.journal.root + "/copy"
    let name = URL(fileURLWithPath: f.segment).lastPathComponent
    let full = try Data(contentsOf: URL(fileURLWithPath: f.segment))
    var rng = Seeded(seed: 42)
    let prefixOfLast = full.prefix(f.lastCommitStart)
    let tails: [[UInt8]] =
      [[0], [UInt8](repeating: 0, count: 4096), [0x04, 0x22, 0x4D, 0x18], [0x51, 0x2A, 0x4D, 0x18, 84, 0, 0, 0]]
      + (0..<40).map { i in (0..<(1 + i * 97 % 3000)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
      + [Array(full[f.lastCommitStart..<(f.lastCommitStart + 30)]) + [UInt8](repeating: 0, count: 512)]
    for (i, tail) in tails.enumerated() {
      try f.journal.copy(to: copy)
      try (prefixOfLast + Data(tail)).write(to: URL(fileURLWithPath: copy + "/segments/" + name))
      try f.headBeforeLast.write(to: URL(fileURLWithPath: copy + "/HEAD"))
      try Self.expectRecovers(f, at: copy, cut: i)
    }
    // Garbage after a commit that HEAD knows about: same, nothing committed is lost.
    try f.journal.copy(to: copy)
    try (full + Data([1, 2, 3, 4, 5])).write(to: URL(fileURLWithPath: copy + "/segments/" + name))
    let w = try Writer(at: copy)
    #expect(w.recoveryNotes.count == 1 && w.recoveryNotes[0].length == 5)
    #expect(try Reader(at: copy).head().seq == 12)
  }

  @Test func aLostAcknowledgedCommitIsDamageNotATornTail() throws {
    let f = try Self.fixture("lost")
    let full = try Data(contentsOf: URL(fileURLWithPath: f.segment))
    try full.prefix(f.lastCommitEnd - 10).write(to: URL(fileURLWithPath: f.segment))
    let before = try f.journal.snapshot()
    do {
      _ = try Writer(at: f.journal.path)
      Issue.record("expected damage")
    } catch {
      #expect(error.code == .damaged)
      #expect(error.location?.offset == Int64(f.lastCommitStart))
    }
    #expect(try f.journal.snapshot() == before, "nothing is cut")
    #expect(try Verifier.verify(at: f.journal.path).damage?.code == .damaged)
  }

  @Test func bitRotInCommittedDataIsAlwaysDetectedAndNeverRead() throws {
    let j = try TestJournal()
    let w = try j.writer {
      $0.segmentBytes = 6000
      $0.frameBytes = 1500
    }
    for n in 0..<30 { try w.append([Sample.event(n)]) }  // two sealed segments and an open one
    try w.append(Sample.events(30..<36))
    try w.append([Sample.event(36)])
    try w.append([Sample.event(37)])
    let pristine = try j.all()
    let files = try j.segmentPaths()
    #expect(files.count >= 3)
    let contents = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let total = contents.reduce(0) { $0 + $1.count }
    let lastMap = try SegmentMap.scan(Array(contents.last!), file: "last")
    #expect(lastMap.commits.count >= 3)
    let lastCommitStart = lastMap.commits.last!.dataStart
    var rng = Seeded(seed: 7)
    var flips = 0
    for _ in 0..<1000 {
      var at = Int.random(in: 0..<total, using: &rng)
      var file = 0
      while at >= contents[file].count {
        at -= contents[file].count
        file += 1
      }
      var damaged = contents[file]
      damaged[at] ^= UInt8.random(in: 1...255, using: &rng)
      try damaged.write(to: URL(fileURLWithPath: files[file]))
      let report = try Verifier.verify(at: j.path)
      #expect(report.damage != nil, "flip in \(files[file]) at \(at) went unnoticed")
      // Whatever a reader returns before it stops is exactly the original events.
      var read: [Record] = []
      do {
        var it = try Reader(at: j.path).records()
        while let r = try it.next() { read.append(r) }
      } catch {
        #expect(error.code == .damaged)
      }
      #expect(read.count < pristine.count || read == pristine)
      #expect(Array(pristine.prefix(read.count)) == read, "a damaged event was returned (flip at \(at))")
      // A writer never cuts damaged committed data away; it refuses when the damage is in the last commit.
      if file == files.count - 1 {
        let opened = Result { try Writer(at: j.path) }
        if at >= lastCommitStart { #expect(throws: JournalError.self) { try opened.get() } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: files[file])) == damaged, "flip at \(at): the file was changed")
      }
      try contents[file].write(to: URL(fileURLWithPath: files[file]))
      flips += 1
    }
    #expect(flips == 1000)
    #expect(try Verifier.verify(at: j.path).isIntact)
  }
}
