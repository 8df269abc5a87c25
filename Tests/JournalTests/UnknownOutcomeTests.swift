import Foundation
import TestSupport
import Testing

@testable import Journal

/// A commit whose flush fails has an unknown outcome: it is said so, with a safe
/// retry, the writer stops, and the next open decides once and for all.
@Suite("Unknown outcomes")
struct UnknownOutcomeTests {
  func segmentBytes(_ j: TestJournal) throws -> [Data] {
    try j.segmentPaths().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
  }

  @Test func aFailedFlushIsReportedAsUnknownAndStopsTheWriter() throws {
    let j = try TestJournal()
    let io = FaultyIO()
    let w = try j.writer { $0.io = io }
    try w.append(Sample.events(0..<3))
    let segments = try segmentBytes(j)
    io.fault = .syncError(EIO)
    do {
      try w.append(Sample.events(3..<5))
      Issue.record("expected an unknown outcome")
    } catch {
      #expect(error.code == .outcomeUnknown)
      #expect(error.message.contains("may or may not be durable") && error.message.contains("seq 4…5"))
      let outcome = try #require(error.cause as? UnknownOutcome)
      #expect(outcome.ids.count == 2 && outcome.seqs == 4..<6)
      // The batch is kept, with the ids drawn for it, to be imported again safely.
      let kept = try String(contentsOfFile: try #require(outcome.retryFile), encoding: .utf8)
      #expect(kept.split(separator: "\n").count == 2 && outcome.ids.allSatisfy { kept.contains($0) })
      #expect(!kept.contains("\"seq\"") && !kept.contains("\"hash\""))
    }
    // The rollback worked (truncate and its flush): the segments are as before.
    #expect(try segmentBytes(j) == segments)
    // This writer refuses to go on, even once the disk works again.
    io.fault = .none
    #expect(throws: JournalError.self) { try w.append([Sample.event(9)]) }
    // A new one does, and the commit is not there.
    #expect(try Writer(at: j.path).append([Sample.event(9)])[0].seq == 4)
  }

  @Test func aCommitLeftInPlaceIsFlushedByTheNextOpenerThenARetryByIdAppendsNothing() throws {
    let j = try TestJournal()
    let io = FaultyIO()
    let w = try j.writer { $0.io = io }
    try w.append(Sample.events(0..<3))
    // The flush fails and so does the rollback: the commit stays in the file (in the page cache).
    io.fault = .syncError(EIO)
    io.truncateError = EIO
    let id = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"
    var event = Sample.event(3)
    event.id = id
    #expect(throws: JournalError.self) { try w.append([event]) }
    // The next opener flushes it before counting it (its flush works): committed from now on.
    let next = try Writer(at: j.path)
    #expect(next.head.seq == 4)
    // The retry with the same id appends nothing.
    let retry = try next.append([event])
    #expect(retry[0].existed && retry[0].seq == 4)
    #expect(try Verifier.verify(at: j.path).isIntact)
  }

  @Test func anOpenerThatCannotFlushAnUnacknowledgedCommitRefusesToGoOn() throws {
    let j = try TestJournal()
    let io = FaultyIO()
    let w = try j.writer { $0.io = io }
    try w.append(Sample.events(0..<3))
    io.fault = .stickySyncAndTruncateError(EIO)
    #expect(throws: JournalError.self) { try w.append(Sample.events(3..<4)) }
    let before = try j.snapshot()
    // The disk still fails: the commit HEAD does not claim cannot be made durable, so it is not counted.
    #expect(throws: JournalError.self) {
      _ = try Writer(
        at: j.path,
        options: {
          var o = WriterOptions()
          o.io = io
          return o
        }())
    }
    #expect(try j.snapshot() == before)
  }
}
