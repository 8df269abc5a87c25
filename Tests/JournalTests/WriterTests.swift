import Crypto
import Foundation
import TestSupport
import Testing

@testable import Journal

@Suite("Writer")
struct WriterTests {
  @Test func roundTripGaplessSeqAndMonotonicRecordedAt() throws {
    let j = try TestJournal()
    let clock = TestClock()
    let w = try j.writer { $0.clock = clock.function }
    var appended: [Appended] = []
    appended += try w.append(Sample.events(0..<1))
    appended += try w.append(Sample.events(1..<40))
    clock.set("2023-03-30T10:00:00.000Z")  // the clock goes back: recordedAt must not
    appended += try w.append(Sample.events(40..<45))
    let records = try j.all()
    #expect(records.map(\.seq) == Array(1...45))
    #expect(appended.map(\.seq) == Array(1...45))
    #expect(Set(records.map(\.id)).count == 45)
    for (r, e) in zip(records, Sample.events(0..<45)) {
      #expect(r.type == e.type && r.occurredOn == e.occurredOn && r.author == e.author && r.source == e.source)
      #expect(try r.data() == e.data)
      #expect(r.hasSameContent(as: e))
    }
    for (a, b) in zip(records, records.dropFirst()) { #expect(a.recordedAt <= b.recordedAt) }
    #expect(records.last!.recordedAt == Timestamp(rfc3339: "2023-03-31T10:00:00.000Z"))
    #expect(zip(records, appended).allSatisfy { $0.hash == $1.hash && $0.id == $1.id })
  }

  @Test func chainRecomputedIndependentlyFromTheDocumentedRule() throws {
    let j = try TestJournal()
    let w = try j.writer()
    try w.append(Sample.events(0..<10))
    try w.append([
      NewEvent(
        type: "milestone.reached", occurredOn: "2023-01-01", author: "é\"\\x", reason: "ligne\nsuivante\u{1}",
        data: ["title": "Label « Territoire » 🎉", "kind": "label"])
    ])
    // FORMAT.md: hash = SHA-256(prev text ‖ "\n" ‖ body), body = line without `,"prev":…,"hash":…` plus "}".
    var prev = "sha256:" + String(repeating: "0", count: 64)
    for r in try j.all() {
      let line = r.line
      let cut = line.range(of: ",\"prev\":\"")!.lowerBound
      let body = String(line[..<cut]) + "}"
      #expect(r.prev.description == prev)
      let digest = SHA256.hash(data: Data((prev + "\n" + body).utf8))
      let hex = "sha256:" + digest.map { String(format: "%02x", $0) }.joined()
      #expect(r.hash.description == hex)
      let parsed = try JSONParser.parse(line)
      #expect(parsed["prev"]?.stringValue == prev && parsed["hash"]?.stringValue == hex)
      prev = hex
    }
    #expect(try Verifier.verify(at: j.path).isIntact)
  }

  @Test func changedPastEventBreaksTheChainAtItsSeq() throws {
    let j = try TestJournal()
    let w = try j.writer()
    try w.append(Sample.events(0..<20))
    // Rewrite the journal's content with seq 7 altered but every LZ4 checksum valid:
    // build a segment from the altered lines through the writer's own encoder.
    var lines = try j.all().map(\.line)
    lines[6] = lines[6].replacingOccurrences(of: "\"insertionHours\":", with: "\"insertionHours\":9")
    let raw = Array((lines.joined(separator: "\n") + "\n").utf8)
    let frame = try LZ4Frame.compress(raw[...])
    let head = try j.all().last!
    var bytes = SegmentHeader(sealed: false, firstSeq: 1, prevHash: .zero).encoded()
    bytes += frame
    bytes += CommitTrailer(
      firstSeq: 1, count: 20, dataLength: UInt64(frame.count), rawLength: UInt64(raw.count), dataCRC: CRC32C.checksum(frame),
      lastRecordedAt: head.recordedAt, lastHash: head.hash
    ).encoded()
    try Data(bytes).write(to: URL(fileURLWithPath: try j.segmentPaths()[0]))
    try FileManager.default.removeItem(atPath: j.path + "/HEAD")
    let report = try Verifier.verify(at: j.path)
    #expect(report.damage?.location?.seq == 7)
    #expect(report.damage?.message.contains("seq 7") == true)
  }

  @Test func idempotentAppendReturnsTheOriginalSeqAndWritesNothing() throws {
    let j = try TestJournal()
    let w = try j.writer { $0.segmentBytes = 4096 }
    let id = "6F1C2B1E-8A8E-4C55-9C3B-2A77D7C0B8E1"
    let first = try w.append([Sample.event(1, id: id)])[0]
    for n in 2..<60 { try w.append([Sample.event(n)]) }  // several segments: the id is now in a sealed one
    #expect(try j.segmentPaths().count > 2)
    let before = try j.snapshot()
    let again = try w.append([Sample.event(1, id: id.lowercased())])[0]
    #expect(again.existed && again.seq == first.seq && again.hash == first.hash && again.id == id.lowercased())
    #expect(try j.snapshot() == before)
    // From a new process-like writer too (side index loaded from disk).
    let fresh = try j.writer()
    #expect(try fresh.append([Sample.event(1, id: id)])[0].seq == 1)
    try FileManager.default.removeItem(atPath: j.path + "/index")  // missing side index: rebuilt
    #expect(try j.writer().append([Sample.event(1, id: id)])[0].seq == 1)
    // Mixed batch: the known one is skipped, the new one written.
    let mixed = try fresh.append([Sample.event(1, id: id), Sample.event(99)])
    #expect(mixed.map(\.existed) == [true, false] && mixed[1].seq == 60)
  }

  @Test func sameIdWithOtherContentIsRefusedAndChangesNothing() throws {
    let j = try TestJournal()
    let w = try j.writer()
    let id = "0b7a9d7e-44a1-4f61-9a0e-7f5b0e6c1d22"
    try w.append([Sample.event(1, id: id)])
    let before = try j.snapshot()
    #expect(throws: JournalError.self) { try w.append([Sample.event(2), Sample.event(3, id: id)]) }
    do {
      try w.append([Sample.event(3, id: id)])
      Issue.record("expected a conflict")
    } catch {
      #expect(error.code == .conflictingID)
      #expect(error.message.contains(id) && error.message.contains("seq 1"))
    }
    #expect(try j.snapshot() == before)
    // Twice in one batch, different content.
    let other = "1b7a9d7e-44a1-4f61-9a0e-7f5b0e6c1d22"
    #expect(throws: JournalError.self) { try w.append([Sample.event(4, id: other), Sample.event(5, id: other)]) }
    let twice = try w.append([Sample.event(4, id: other), Sample.event(4, id: other)])
    #expect(twice.map(\.seq) == [2, 2] && twice.map(\.existed) == [false, true])
  }

  @Test func legacyRecordedAtRules() throws {
    let j = try TestJournal()
    let clock = TestClock("2023-03-31T10:00:00.000Z")
    let w = try j.writer { $0.clock = clock.function }
    var e = Sample.event(1)
    e.recordedAt = Timestamp(rfc3339: "2015-06-01T08:00:00.000Z")
    #expect(try w.append([e])[0].recordedAt == e.recordedAt)
    var future = Sample.event(2)
    future.recordedAt = Timestamp(rfc3339: "2023-04-01T00:00:00.000Z")
    #expect(throws: JournalError.self) { try w.append([future]) }
    var earlier = Sample.event(3)
    earlier.recordedAt = Timestamp(rfc3339: "2014-01-01T00:00:00.000Z")
    do {
      try w.append([earlier])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.location?.field == "recordedAt" && error.message.contains("earlier"))
    }
    #expect(try j.all().count == 1)
  }

  @Test(arguments: [
    ("type", NewEvent(type: "Bad Type", occurredOn: "2022-01-01", author: "a", data: [:])),
    ("occurredOn", NewEvent(type: "a.b", occurredOn: "2023-02-30", author: "a", data: [:])),
    ("occurredOn", NewEvent(type: "a.b", occurredOn: "2023-02-03T10:00:00", author: "a", data: [:])),
    ("author", NewEvent(type: "a.b", occurredOn: "2022-01-01", author: "", data: [:])),
    ("author", NewEvent(type: "a.b", occurredOn: "2022-01-01", author: String(repeating: "x", count: 65), data: [:])),
    ("source", NewEvent(type: "a.b", occurredOn: "2022-01-01", author: "a", source: String(repeating: "s", count: 501), data: [:])),
    ("reason", NewEvent(type: "a.b", occurredOn: "2022-01-01", author: "a", reason: String(repeating: "r", count: 2001), data: [:])),
    ("data", NewEvent(type: "a.b", occurredOn: "2022-01-01", author: "a", data: [1, 2])),
    ("id", NewEvent(id: "not-a-uuid", type: "a.b", occurredOn: "2022-01-01", author: "a", data: [:])),
    ("version", NewEvent(type: "a.b", version: 0, occurredOn: "2022-01-01", author: "a", data: [:])),
  ])
  func envelopeRulesNameTheField(field: String, event: NewEvent) throws {
    let j = try TestJournal("envelope" + field)
    let w = try j.writer()
    let before = try j.snapshot()
    do {
      try w.append([Sample.event(0), event])
      Issue.record("expected a refusal for \(field)")
    } catch {
      #expect(error.code == .invalidInput)
      #expect(error.location?.field == field)
      #expect(error.location?.line == 2 && error.description.hasPrefix("Event 2 of the batch: ") && error.message.contains("'\(field)'"))
      #expect(!error.message.contains("batch"), "the place is in the location; the message says what is wrong")
    }
    #expect(try j.snapshot() == before)
  }

  @Test func anOverLongEventIsRefused() throws {
    let j = try TestJournal()
    let big = NewEvent(type: "a.b", occurredOn: "2022-01-01", author: "a", data: ["note": .string(String(repeating: "x", count: 1 << 20))])
    #expect(throws: JournalError.self) { try j.writer().append([big]) }
    #expect(try j.all().isEmpty)
  }

  @Test func createRefusesANonEmptyFolderAndOpenRefusesANonJournal() throws {
    let j = try TestJournal()
    #expect(throws: JournalError.self) { try Writer.create(at: j.path) }
    do {
      _ = try Writer(at: j.root)
      Issue.record("expected notAJournal")
    } catch {
      // The journal knows no command line: the CLI adds how to create one.
      #expect(error.code == .notAJournal && error.message == "There is no journal at \(j.root).")
      #expect(error.location?.file == j.root)
    }
  }

  @Test func aSecondWriterWaitsThenFailsWithLocked() throws {
    let j = try TestJournal()
    let holder = try WriterLock(path: j.path + "/LOCK", timeout: 1)
    try holder.acquire()
    defer { holder.release() }
    do {
      _ = try Writer(
        at: j.path,
        options: {
          var o = WriterOptions()
          o.lockTimeout = 0.2
          return o
        }())
      Issue.record("expected locked")
    } catch {
      #expect(error.code == .locked)
    }
  }

  struct Refused: Error {}

  @Test func aFailingCheckWritesNothingAndSeesTheSeqsToCome() throws {
    let j = try TestJournal()
    let w = try j.writer()
    try w.append(Sample.events(0..<3))
    // Another writer commits in between: the check sees the real head.
    try j.writer().append(Sample.events(3..<5))
    let before = try j.snapshot()
    var seen: BatchPreview?
    #expect(throws: Refused.self) {
      try w.append(Sample.events(5..<7)) { preview in
        seen = preview
        throw Refused()
      }
    }
    #expect(seen?.headSeq == 5 && seen?.results.map(\.seq) == [6, 7])
    #expect(try j.snapshot() == before)
    var headSeen: UInt64 = 0
    let done = try w.append(Sample.events(5..<6)) { headSeen = $0.headSeq }
    #expect(done[0].seq == 6 && headSeen == 5)
  }

  @Test func aPreviewNumbersTheEventsAndWritesNothing() throws {
    let j = try TestJournal()
    let w = try j.writer()
    let first = try w.append([Sample.event(0, id: "0123abcd-4567-89ef-0123-456789abcdef")])
    let before = try j.snapshot()
    var seen: BatchPreview?
    let batch = [
      Sample.event(1), Sample.event(0, id: "0123abcd-4567-89ef-0123-456789abcdef"),
      Sample.event(2, id: "00000000-0000-4000-8000-000000000002"), Sample.event(3),
    ]
    try w.preview(batch) { seen = $0 }
    let results = try #require(seen).results
    #expect(seen?.headSeq == 1)
    #expect(results.map(\.seq) == [2, first[0].seq, 3, 4] && results.map(\.existed) == [false, true, false, false])
    // Ids are drawn only when written: the preview keeps the given ones and leaves the others empty.
    #expect(results.map(\.id) == ["", "0123abcd-4567-89ef-0123-456789abcdef", "00000000-0000-4000-8000-000000000002", ""])
    #expect(try j.snapshot() == before)
    let written = try w.append(batch)
    #expect(written.map(\.seq) == results.map(\.seq) && written.allSatisfy { !$0.id.isEmpty })
  }

  @Test func framesCompressedWhileEncodingAreTheFramesOfTheWholeBatch() throws {
    var rng = Seeded(seed: 21)
    var lines: [[UInt8]] = []
    for _ in 0..<400 {
      let n = Int(rng.next() % 700) + 1
      lines.append(Array(repeating: UInt8(ascii: "a") + UInt8(rng.next() % 20), count: n) + [0x0A])
    }
    for frameBytes in [64, 1000, 4096, 1 << 20] {
      var streamed = Batch()
      for line in lines {
        streamed.lines += line
        streamed.rawCount += line.count
        if streamed.lines.count > 2 * frameBytes { try streamed.compressFrames(frameBytes: frameBytes, all: false) }
      }
      try streamed.compressFrames(frameBytes: frameBytes, all: true)
      var whole = Batch()
      whole.lines = lines.flatMap { $0 }
      try whole.compressFrames(frameBytes: frameBytes, all: true)
      #expect(streamed.lines.isEmpty && whole.lines.isEmpty)
      #expect(streamed.compressed == whole.compressed, "frameBytes \(frameBytes)")
      #expect(streamed.rawCount == lines.reduce(0) { $0 + $1.count })
    }
  }
}
