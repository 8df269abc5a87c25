import Foundation
import TestSupport
import Testing

@testable import Journal

/// The bulk path (#14, part 5): `data` given as canonical bytes, and
/// ``Writer/append(batches:acknowledged:)``, which prepares a batch while the
/// one before is flushed. Same bytes on disk as one `append(_:)` per batch.
@Suite("Bulk append")
struct BulkAppendTests {
  static func batches(_ sizes: [Int], ids: Bool = true) -> [[NewEvent]] {
    var out: [[NewEvent]] = []
    var n = 0
    for size in sizes {
      out.append(
        (n..<(n + size)).map { k in
          var e = Sample.event(k)
          if ids { e.id = Self.id(k) }
          return e
        })
      n += size
    }
    return out
  }

  static func id(_ k: Int) -> String {
    let hex = String(k, radix: 16)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
  }

  static func preEncoded(_ e: NewEvent) -> NewEvent {
    NewEvent(
      id: e.id, type: e.type, version: e.version, occurredOn: e.occurredOn, author: e.author, source: e.source,
      reason: e.reason, canonicalData: e.data.canonicalBytes(), recordedAt: e.recordedAt)
  }

  static func segments(_ j: TestJournal) throws -> [String: Data] {
    try j.snapshot().filter { $0.key.hasPrefix("segments/") && $0.key.hasSuffix(".lz4") }
  }

  @Test("pre-encoded data and the pipeline write the bytes one append per batch writes")
  func sameBytes() throws {
    // Small segments and frames: the pipeline crosses segment boundaries and cuts frames inside a commit.
    let sizes = [3, 40, 1, 25, 60, 7, 33]
    func configure(_ clock: TestClock) -> (inout WriterOptions) -> Void {
      { o in
        o.clock = clock.function
        o.segmentBytes = 16 << 10
        o.frameBytes = 4 << 10
      }
    }
    let plain = try TestJournal("bulk-plain")
    let w1 = try plain.writer(configure(TestClock()))
    var expected: [[Appended]] = []
    for batch in Self.batches(sizes) { expected.append(try w1.append(batch)) }

    let bulk = try TestJournal("bulk-pipelined")
    let w2 = try bulk.writer(configure(TestClock()))
    var acknowledged: [(Int, [Appended])] = []
    let done = try w2.append(batches: Self.batches(sizes).map { $0.map(Self.preEncoded) }) { acknowledged.append(($0, $1)) }

    #expect(done == sizes.count)
    #expect(acknowledged.map(\.0) == Array(0..<sizes.count))
    #expect(acknowledged.map(\.1) == expected)
    let segments = try Self.segments(bulk)
    #expect(segments.count > 2, "the load crossed segments")
    #expect(segments == (try Self.segments(plain)))
    #expect(try Verifier.verify(at: bulk.path).isIntact)
    #expect(try w2.append([Sample.event(999)])[0].seq == UInt64(sizes.reduce(0, +) + 1), "the writer goes on")
  }

  @Test("ids parsed by table: either case, nothing else")
  func idParsing() {
    let id = "0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3"
    let key = UUIDKey(id)
    #expect(key?.hi == 0x0a1b_2c3d_4e5f_4a6b && key?.lo == 0x8c7d_8e9f_a0b1_c2d3)
    #expect(UUIDKey(id.uppercased()) == key)
    #expect(key?.text == id)
    #expect(EnvelopeRules.normalizedID(id.uppercased()) == id)
    for bad in [
      "0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2dg", "0a1b2c3d4-e5f-4a6b-8c7d-8e9fa0b1c2d3", "0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d",
      "0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2dé",
    ] {
      #expect(UUIDKey(bad) == nil, "\(bad)")
      #expect(EnvelopeRules.normalizedID(bad) == nil, "\(bad)")
    }
  }

  @Test("ids drawn by the journal, and an id met again in the batch still being flushed")
  func idsAcrossBatches() throws {
    let j = try TestJournal()
    let w = try j.writer()
    var batches = Self.batches([5, 5], ids: false)
    batches.append([Self.preEncoded(Sample.event(0))])
    batches[2][0].id = Self.id(77)
    batches.append([batches[2][0]])  // the same event again, while batch 2 is in flight: nothing new at all
    batches.append([batches[2][0], Sample.event(1)])  // and again, once committed, with a new one
    var results: [[Appended]] = []
    try w.append(batches: batches) { results.append($1) }
    #expect(results.map(\.count) == [5, 5, 1, 1, 2])
    for again in [results[3][0], results[4][0]] {
      #expect(again.existed && again.seq == results[2][0].seq && again.hash == results[2][0].hash)
    }
    #expect(!results[4][1].existed && results[4][1].seq == 12)
    #expect(Set(results.joined().map(\.id)).count == 12)
    #expect(try j.all().map(\.seq) == Array(1...12))
  }

  @Test("a batch refused in the pipeline: those before it are committed, nothing of it is")
  func refusedBatch() throws {
    let j = try TestJournal()
    let w = try j.writer()
    var batches = Self.batches([4, 4, 4])
    var other = batches[1][2]
    other.author = "someone.else"
    batches[2][1] = other  // the id of an event of the batch before, with other content
    var acknowledged: [Int] = []
    #expect {
      try w.append(batches: batches) { index, _ in acknowledged.append(index) }
    } throws: { error in
      let e = error as? JournalError
      return e?.code == .conflictingID && e?.location?.line == 2 && e?.message.contains("seq 7") == true
    }
    #expect(acknowledged == [0, 1])
    #expect(try j.all().count == 8)

    var bad = Self.batches([2])[0]
    bad[1] = NewEvent(type: "books.donation-counted", occurredOn: "2022-12-31", author: "a", canonicalData: Array("{\"b\":1,\"a\":2}".utf8))
    let before = try j.snapshot()
    #expect {
      try w.append(batches: [bad])
    } throws: { error in
      let e = error as? JournalError
      return e?.code == .invalidInput && e?.location?.field == "data" && e?.location?.line == 2
        && e?.message.contains("canonical") == true
    }
    #expect(try j.snapshot() == before)
  }

  @Test("a failed flush of the first pipelined batch stops the writer, acknowledges nothing, and is cut back")
  func failedFlush() throws {
    let j = try TestJournal()
    let io = FaultyIO()
    let w = try j.writer { $0.io = io }
    try w.append([Sample.event(0)])
    var acknowledged: [Int] = []
    io.fault = .syncError(EIO)
    #expect {
      try w.append(batches: Self.batches([3, 3, 3])) { index, _ in acknowledged.append(index) }
    } throws: { error in
      (error as? JournalError)?.code == .outcomeUnknown
    }
    #expect(acknowledged.isEmpty)
    #expect(throws: JournalError.self) { try w.append([Sample.event(50)]) }
    let reopened = try j.writer()
    #expect(reopened.head.seq == 1, "the batch whose flush failed was cut back")
    #expect(try Verifier.verify(at: j.path).isIntact)
  }
}
