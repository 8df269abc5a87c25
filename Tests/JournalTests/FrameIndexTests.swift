import Foundation
import TestSupport
import Testing

@testable import Journal

/// The frame index lets a reader go straight to a seq and read frame by
/// frame; it is a hint: wrong, stale or missing, the reader still gives
/// exactly the journal's events, and readers never write it.
@Suite("Frame index")
struct FrameIndexTests {
  /// A journal of several segments: some sealed (small commits), some of large commits, and a growing last one.
  func journal() throws -> (TestJournal, [Record]) {
    let j = try TestJournal()
    let w = try j.writer {
      $0.segmentBytes = 20_000
      $0.frameBytes = 16_000
    }
    var n = 0
    for round in 0..<3 {
      for _ in 0..<30 {
        try w.append(Sample.events(n..<(n + 1)))
        n += 1
      }
      try w.append(Sample.events(n..<(n + 60 + round * 7)))
      n += 60 + round * 7
    }
    for _ in 0..<5 {
      try w.append(Sample.events(n..<(n + 2)))
      n += 2
    }
    return (j, try j.all())
  }

  func frameFiles(_ j: TestJournal) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: j.path + "/index").filter { $0.hasSuffix(".frames") }.sorted()
  }

  func checkEverySeq(_ reader: Reader, _ all: [Record], _ why: String) throws {
    for r in all { #expect(try reader.record(seq: r.seq).line == r.line, "seq \(r.seq), \(why)") }
    for from in [1, 2, 31, 95, UInt64(all.count)] as [UInt64] {
      var it = try reader.records(from: from)
      var got: [String] = []
      while let r = try it.next() { got.append(r.line) }
      #expect(got == all.dropFirst(Int(from) - 1).map(\.line), "from \(from), \(why)")
    }
    #expect(throws: JournalError.self) { try reader.record(seq: UInt64(all.count) + 1) }
    let head = try reader.head()
    #expect(head.seq == UInt64(all.count) && head.hash == all.last!.hash, "\(why)")
  }

  @Test func everySeqIsFoundWithWrongStaleOrMissingIndexes() throws {
    let (j, all) = try journal()
    let segments = try j.segmentPaths()
    #expect(segments.count >= 4)
    let sealed = try segments.map { try SegmentHeader.decode(Array(Data(contentsOf: URL(fileURLWithPath: $0)))[...], file: "s").sealed }
    #expect(sealed.contains(true) && sealed.contains(false), "\(sealed)")
    // The writer kept an index for every closed segment.
    #expect(try frameFiles(j).count >= segments.count - 1)
    let reader = try Reader(at: j.path)
    try checkEverySeq(reader, all, "as written")
    // The writer's index is the one a scan of the segment makes.
    for path in segments.dropLast() {
      let name = String(path.split(separator: "/").last!)
      let saved = try #require(FrameIndex(decoding: Array(Data(contentsOf: URL(fileURLWithPath: j.path + "/index/\(name).frames")))))
      try FileManager.default.removeItem(atPath: j.path + "/index/\(name).frames")
      let handle = try SegmentHandle(layout: JournalLayout(root: j.path), name: name)
      #expect(try FrameIndex.current(layout: JournalLayout(root: j.path), name: name, fd: handle.fd) == saved, "\(name)")
    }
    try checkEverySeq(reader, all, "no index files")
    // Damaged, or of another segment, or claiming a commit the segment does not end: ignored.
    let names = segments.map { String($0.split(separator: "/").last!) }
    let indexes = try names.map { name in
      try FrameIndex.current(layout: JournalLayout(root: j.path), handle: SegmentHandle(layout: JournalLayout(root: j.path), name: name))
    }
    let good = try #require(indexes.compactMap { $0 }.first { $0.frames.count >= 3 })
    var shifted = good
    shifted.frames[1].firstSeq += 1
    shifted.frames[2].firstSeq += 1
    var short = good
    short.nextSeq -= 1
    var wrongEnd = good
    wrongEnd.end -= 1
    for (what, bytes) in [
      ("garbage", Array("not an index".utf8)), ("bit flip", flip(good.encoded())), ("other segment", otherFirstSeq(good).encoded()),
      ("shifted seqs", shifted.encoded()), ("short", short.encoded()), ("wrong end", wrongEnd.encoded()),
    ] {
      for name in names { try Data(bytes).write(to: URL(fileURLWithPath: j.path + "/index/\(name).frames")) }
      try checkEverySeq(reader, all, what)
    }
  }

  func flip(_ b: [UInt8]) -> [UInt8] {
    var c = b
    c[c.count / 2] ^= 0x10
    return c
  }

  func otherFirstSeq(_ i: FrameIndex) -> FrameIndex {
    var o = i
    o.segmentFirstSeq += 1
    return o
  }

  @Test func aGiantCommitIsReadFrameByFrameAndReadersWriteNothing() throws {
    let j = try TestJournal()
    let w = try j.writer { $0.frameBytes = 4_000 }
    try w.append(Sample.events(0..<1500))
    try w.append(Sample.events(1500..<1503))
    let all = try j.all()
    let name = String(try j.segmentPaths()[0].split(separator: "/").last!)
    let handle = try SegmentHandle(layout: JournalLayout(root: j.path), name: name)
    let index = try #require(try FrameIndex.current(layout: JournalLayout(root: j.path), name: name, fd: handle.fd))
    // One commit, many frames: each at most a few KiB of lines.
    #expect(index.frames.count > 50)
    #expect(index.frames.filter(\.endsCommit).count == 2)
    try checkEverySeq(try Reader(at: j.path), all, "one giant commit")
    // Without its side file, readers scan the segment (a few MiB at a time) and write nothing.
    try? FileManager.default.removeItem(atPath: j.path + "/index/\(name).frames")
    let before = try j.snapshot()
    let reader = try Reader(at: j.path)
    #expect(try reader.record(seq: 777).line == all[776].line)
    #expect(try reader.head().seq == 1503)
    var it = try reader.records(from: 1400)
    var n = 0
    while try it.next() != nil { n += 1 }
    #expect(n == 104)
    #expect(try j.snapshot() == before)
  }

  @Test func newlinesAreCountedInAnyRange() {
    var rng = Seeded(seed: 11)
    for _ in 0..<200 {
      let bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
        Bool.random(using: &rng) ? 0x0A : UInt8.random(in: 0...255, using: &rng)
      }
      let a = Int.random(in: 0...bytes.count, using: &rng)
      let b = Int.random(in: a...bytes.count, using: &rng)
      #expect(Newlines.count(in: bytes, a..<b) == bytes[a..<b].filter { $0 == 0x0A }.count)
    }
  }

  @Test func aWriterSavesAFrameIndexThatWasLost() throws {
    let j = try TestJournal()
    try j.writer { $0.frameBytes = 4_000 }.append(Sample.events(0..<300))
    let name = String(try j.segmentPaths()[0].split(separator: "/").last!)
    let side = j.path + "/index/\(name).frames"
    #expect(FileManager.default.fileExists(atPath: side))
    // Lost (a crash before it was saved): the next writer's commit saves it again, whole.
    try FileManager.default.removeItem(atPath: side)
    try j.writer().append(Sample.events(300..<301))
    let saved = try #require(FrameIndex(decoding: Array(try Data(contentsOf: URL(fileURLWithPath: side)))))
    #expect(saved.nextSeq >= 301 && saved.frames.count > 20)
  }

  @Test func aDamagedTrailerBetweenFramesIsFoundByReaders() throws {
    let j = try TestJournal()
    let w = try j.writer()
    for n in 0..<6 { try w.append(Sample.events((n * 3)..<(n * 3 + 3))) }
    let path = try j.segmentPaths()[0]
    let name = String(path.split(separator: "/").last!)
    let handle = try SegmentHandle(layout: JournalLayout(root: j.path), name: name)
    // Saved, as a writer would: the reader then goes frame by frame and meets the trailer as it passes.
    let index = try #require(
      try FrameIndex.current(layout: JournalLayout(root: j.path), name: name, fd: handle.fd, savingWith: Disk(io: POSIXFileIO())))
    let second = try #require(index.frames.filter(\.endsCommit).dropFirst().first)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[second.offset + second.length + 20] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: path))
    var it = try Reader(at: j.path).records(from: 1)
    var read = 0
    #expect(throws: JournalError.self) {
      while try it.next() != nil { read += 1 }
    }
    // The first commit, then the error: nothing of the commit whose trailer is damaged.
    #expect(read == 3)
  }
}

/// Ids are found through the writer's side files, read in place; a side file
/// that is partial, wrong or missing never hides an event.
@Suite("Id lookup")
struct IdLookupTests {
  @Test func everyIdIsFoundWhateverItsSideFile() throws {
    let j = try TestJournal()
    let w = try j.writer {
      $0.segmentBytes = 20_000
      $0.frameBytes = 16_000
    }
    for n in 0..<40 { try w.append([Sample.event(n)]) }
    try w.append(Sample.events(40..<140))
    for n in 140..<150 { try w.append([Sample.event(n)]) }
    let all = try j.all()
    let reader = try Reader(at: j.path)
    func check(_ why: String) throws {
      for r in all where r.seq % 7 == 1 || r.seq == UInt64(all.count) {
        #expect(try reader.record(id: r.id.uppercased())?.seq == r.seq, "seq \(r.seq), \(why)")
      }
      #expect(try reader.record(id: "00000000-0000-4000-8000-000000000000") == nil, "\(why)")
    }
    let idFiles = try FileManager.default.contentsOfDirectory(atPath: j.path + "/index").filter { $0.hasSuffix(".ids") }
    #expect(idFiles.count >= 2)
    try check("as written")
    // Entries out of order, or a table of fewer events than its segment: still found.
    for file in idFiles {
      let path = j.path + "/index/" + file
      var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      let count = Int(bytes.readLE(UInt64.self, at: 16)!)
      if count >= 2 {
        let a = 24
        let b = 24 + (count - 1) * 24
        for k in 0..<24 { bytes.swapAt(a + k, b + k) }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    try check("entries swapped")
    for file in idFiles { try FileManager.default.removeItem(atPath: j.path + "/index/" + file) }
    try check("no side files")
  }

  @Test func aPartialTableIsNeverTakenForAClosedSegment() throws {
    let j = try TestJournal()
    let w = try j.writer { $0.segmentBytes = 20_000 }
    let events = (0..<80).map { Sample.event($0, id: UUID().uuidString.lowercased()) }
    for e in events.prefix(60) { try w.append([e]) }
    // Replace the first segment's table by one that covers only its first ten events.
    let name = String(try j.segmentPaths()[0].split(separator: "/").last!)
    let first = try j.all().prefix(10)
    let table = IdTable(keys: first.map { UUIDKey(utf8: $0.idBytes)! }, seqs: first.map(\.seq))
    let sorted = zip(table.keys, table.seqs).sorted { $0.0 < $1.0 }
    let partial = IdTable(keys: sorted.map(\.0), seqs: sorted.map(\.1))
    try Data(partial.encoded(firstSeq: 1)).write(to: URL(fileURLWithPath: j.path + "/index/\(name).ids"))
    // A new writer: the same event (id and content) again is found, not appended twice.
    let again = try j.writer { $0.segmentBytes = 20_000 }
    let done = try again.append([events[20]])
    #expect(done[0].existed && done[0].seq == 21)
    #expect(try j.all().count == 60)
  }
}
