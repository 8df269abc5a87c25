import Foundation
import TestSupport
import Testing

@testable import Journal

@Suite("Reader and sealing")
struct ReaderTests {
  @Test func readsFromAnySeqAcrossSegments() throws {
    let j = try TestJournal()
    let w = try j.writer {
      $0.segmentBytes = 8000
      $0.frameBytes = 2000
    }
    for n in 0..<50 { try w.append([Sample.event(n)]) }
    try w.append(Sample.events(50..<90))
    try w.append([Sample.event(90)])
    let all = try j.all()
    let segmentCount = try j.segmentPaths().count
    #expect(all.count == 91 && segmentCount > 3)
    for from in [1, 2, 17, 18, 19, 45, 50, 51, 70, 90, 91] as [UInt64] {
      var it = try Reader(at: j.path).records(from: from)
      var got: [Record] = []
      while let r = try it.next() { got.append(r) }
      #expect(got == Array(all.dropFirst(Int(from) - 1)), "from \(from)")
    }
    var beyond = try Reader(at: j.path).records(from: 92)
    #expect(try beyond.next() == nil)
    #expect(try Reader(at: j.path).record(seq: 33) == all[32])
    #expect(throws: JournalError.self) { try Reader(at: j.path).record(seq: 500) }
    let head = try Reader(at: j.path).head()
    #expect(head.seq == 91 && head.hash == all.last!.hash)
  }

  @Test func sealingKeepsTheSameEventsAndHashes() throws {
    let j = try TestJournal()
    let w = try j.writer()
    for n in 0..<300 { try w.append([Sample.event(n)]) }
    let before = try j.all()
    let size = try Data(contentsOf: URL(fileURLWithPath: try j.segmentPaths()[0])).count
    try w.seal()
    #expect(try j.all() == before)
    let sealedSize = try Data(contentsOf: URL(fileURLWithPath: try j.segmentPaths()[0])).count
    #expect(sealedSize * 3 < size, "sealed \(sealedSize) vs \(size)")
    #expect(try Verifier.verify(at: j.path).isIntact)
    #expect(try w.append([Sample.event(300)])[0].seq == 301)
    #expect(try j.segmentPaths().count == 2)
  }

  @Test func aSingleAppendJournalOnceSealedIsAsCompactAsLz4Dash1() throws {
    let lz4 = try #require(Tools.which("lz4"))
    let j = try TestJournal()
    let w = try j.writer { $0.segmentBytes = 400_000 }
    for n in 0..<2500 { try w.append([Sample.event(n)]) }
    try w.seal()
    let jsonl = j.root + "/all.jsonl"
    try Data(try j.all().map { $0.line + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: jsonl))
    #expect(try Tools.run(lz4, ["-1", "-f", "-q", jsonl, jsonl + ".lz4"]).status == 0)
    let reference = try Data(contentsOf: URL(fileURLWithPath: jsonl + ".lz4")).count
    let onDisk = try j.segmentPaths().reduce(0) { $0 + (try Data(contentsOf: URL(fileURLWithPath: $1)).count) }
    #expect(try j.segmentPaths().count >= 3)
    #expect(Double(onDisk) <= 1.1 * Double(reference), "journal \(onDisk) B vs lz4 -1 \(reference) B")
  }

  @Test func readersIgnoreAWriteInProgress() throws {
    let j = try TestJournal()
    try j.writer().append(Sample.events(0..<10))
    let seg = try j.segmentPaths()[0]
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: seg))
    try handle.seekToEnd()
    // Half of a new commit, as a concurrent writer would have it mid-write.
    var frame = try LZ4Frame.compress(Array("{\"half\":true}\n".utf8)[...])
    frame.removeLast(3)
    try handle.write(contentsOf: Data(frame))
    try handle.close()
    #expect(try j.all().count == 10)
    #expect(try Reader(at: j.path).head().seq == 10)
    #expect(try Verifier.verify(at: j.path).uncommittedTail != nil)
  }
}
