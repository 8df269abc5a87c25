import Foundation
import TestSupport
import Testing

@testable import Journal

/// The read path's shortcuts (no copy per line, shared type names, reused
/// frame buffers, the one-pass field reader, the word-at-a-time CRC) give
/// the same answers as the plain ways.
@Suite("Read path")
struct ReadPathTests {
  @Test func escapedStringsAndManyTypesReadBackExactly() throws {
    let j = try TestJournal()
    let w = try j.writer { $0.frameBytes = 1500 }
    var written: [NewEvent] = []
    for n in 0..<150 {
      // 150 distinct types: more than the interning table remembers.
      let odd = #"a "quoted" \ back\\slash \"# + String(n)
      let e = NewEvent(
        type: "test.kind-\(n % 75)", occurredOn: "2022-03-0\(n % 9 + 1)", author: "t.admin", source: odd,
        reason: n % 2 == 0 ? "\\" : nil, data: ["n": .number(JSONNumber(Int64(n))), "s": .string(odd)])
      written.append(e)
    }
    try w.append(written)
    let back = try j.all()
    #expect(back.count == written.count)
    for (r, e) in zip(back, written) {
      #expect(r.type == e.type && r.source == e.source && r.reason == e.reason && r.occurredOn == e.occurredOn)
      #expect(try r.data() == e.data)
      #expect(String(decoding: r.occurredOnBytes, as: UTF8.self) == e.occurredOn)
    }
  }

  @Test func aDetachedRecordIsTheSameRecordWithItsOwnBytes() throws {
    let j = try TestJournal()
    try j.writer().append(Sample.events(0..<40))
    for r in try j.all() {
      let d = r.detached()
      #expect(d == r && d.bytes.startIndex == 0 && d.bytes.count == r.bytes.count)
      #expect(d.id == r.id && d.type == r.type && d.author == r.author && d.source == r.source)
      #expect(d.dataBytes.elementsEqual(r.dataBytes) && d.hash == r.hash && d.prev == r.prev)
    }
  }

  @Test func decompressingOverOneBufferGivesEachFrameExactly() throws {
    var rng = Seeded(seed: 7)
    var buffer: [UInt8] = []
    for size in [10, 70_000, 5, 300_000, 1, 64 << 10, 200_000] {
      let content = (0..<size).map { _ in UInt8(ascii: "a") + UInt8(rng.next() % 8) }
      let frame = try LZ4Frame.compress(content[...])
      let n = try LZ4Frame.decompress(frame[...], over: &buffer)
      #expect(n == size && buffer[..<n].elementsEqual(content), "size \(size)")
      #expect(buffer.count >= n)
    }
    // A damaged frame throws, whether the buffer is large enough or not.
    var frame = try LZ4Frame.compress(Array(repeating: 65, count: 1000)[...])
    frame[frame.count / 2] ^= 0xFF
    #expect(throws: JournalError.self) { _ = try LZ4Frame.decompress(frame[...], over: &buffer) }
    var empty: [UInt8] = []
    #expect(throws: JournalError.self) { _ = try LZ4Frame.decompress(frame[...], over: &empty) }
  }

  @Test func theWordAtATimeCRCEqualsTheBytewiseOne() {
    func reference(_ bytes: ArraySlice<UInt8>) -> UInt32 {
      var crc: UInt32 = 0xFFFF_FFFF
      for b in bytes {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      }
      return ~crc
    }
    var rng = Seeded(seed: 11)
    let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    for start in 0..<9 {
      for end in stride(from: start, through: 300, by: 7) {
        #expect(CRC32C.checksum(bytes[start..<end]) == reference(bytes[start..<end]), "\(start)..<\(end)")
      }
    }
  }

  @Test func valuesInOnePassEqualTheOneAtATimeReaders() throws {
    let text = #"{"a":12,"amountEUR":426.5,"b":"x\"y","flag":true,"nested":{"a":1},"neg":-7,"off":false}"#
    let view = JSONObjectView(Array(text.utf8)[...])
    let keys = ["flag", "a", "missing", "amountEUR", "neg", "off", "nested"]
    let m = view.members(JSONKeys(keys))
    #expect(m.raw(2) == nil && m.int64(2) == nil && m.bool(2) == nil)
    #expect(m.bool(0) == true && m.bool(5) == false && m.bool(1) == nil)
    #expect(m.int64(1) == 12 && m.int64(4) == -7 && m.int64(0) == nil)
    #expect(m.scaled(3, by: 2) == 42650 && m.scaled(1, by: 2) == 1200)
    #expect(m.raw(6).map { Array($0) } == Array(#"{"a":1}"#.utf8))
    for (k, key) in keys.enumerated() { #expect(m.raw(k) == view.raw(key), "\(key)") }
    #expect(m.string(0) == nil && view.members(JSONKeys(["b"])).string(0) == "x\"y")
    // A key asked twice reads the same member (the first slot that names it).
    let twice = view.members(JSONKeys(["neg", "a", "neg"]))
    #expect(twice.int64(0) == -7 && twice.int64(1) == 12 && twice.int64(2) == nil)
  }

  @Test func theFastScaledReaderAgreesWithJSONNumber() {
    let literals = [
      "0", "1", "10", "426.5", "426.50", "0.01", "0.001", "0.5", "7.25", "123456789012.34", "999999999999999",
      "1e3", "1.5e2", "-3", "-0.5", "00", "01", ".5", "5.", "1.2.3", "12a", "", "0.10", "100.000",
    ]
    for text in literals {
      for power in 0...3 {
        let fast = JSONObjectView.scaled(of: Array(text.utf8)[...], by: power)
        let plain = JSONNumber(literal: text)?.scaled(by: power)
        #expect(fast == plain, "\(text) × 10^\(power)")
      }
    }
  }

  /// Every record of `it` until it ends or throws, and what it threw.
  static func drain(_ it: inout RecordIterator) -> (records: [Record], error: JournalError?) {
    var out: [Record] = []
    do {
      while let r = try it.next() { out.append(r) }
    } catch {
      return (out, error)
    }
    return (out, nil)
  }

  @Test func readingAheadGivesTheSameRecordsAndTheSameError() throws {
    let j = try TestJournal()
    let w = try j.writer {
      $0.segmentBytes = 6000
      $0.frameBytes = 1500
    }
    for n in 0..<40 { try w.append(Sample.events((n * 5)..<(n * 5 + 5))) }
    let reader = try Reader(at: j.path)
    for from in [1, 2, 77, 200, 201] as [UInt64] {
      var plain = try reader.records(from: from)
      var ahead = try reader.records(from: from, readAhead: true)
      let a = ReadPathTests.drain(&plain)
      let b = ReadPathTests.drain(&ahead)
      #expect(a.error == nil && b.error == nil && a.records == b.records && a.records.count == 201 - Int(from))
    }
    // Damage inside a middle segment: both stop at the same record with the same error.
    let path = try j.segmentPaths()[2]
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count / 2] ^= 0x5A
    try bytes.write(to: URL(fileURLWithPath: path))
    var plain = try reader.records(from: 1)
    var ahead = try reader.records(from: 1, readAhead: true)
    let a = ReadPathTests.drain(&plain)
    let b = ReadPathTests.drain(&ahead)
    #expect(a.error?.code == .damaged && a.records.count < 200)
    #expect(b.error == a.error && b.records == a.records)
  }

  @Test func droppingAReadAheadIteratorStopsItsThread() throws {
    let j = try TestJournal()
    try j.writer().append(Sample.events(0..<100))
    var it = try Reader(at: j.path).records(from: 1)
    func startReadingAhead() -> ReadAhead.Channel {
      let ahead = ReadAhead(it, depth: 1, batchSize: 2)
      it.ahead = ahead
      return ahead.channel
    }
    let channel = startReadingAhead()
    #expect(try it.next()?.seq == 1)
    usleep(50_000)
    #expect(!channel.hasStopped, "with room for one batch of two, the reading thread waits")
    it = try Reader(at: j.path).records(from: 1)  // the only reference to `ahead` is gone
    var waited = 0
    while !channel.hasStopped && waited < 500 {
      usleep(10_000)
      waited += 1
    }
    #expect(channel.hasStopped, "the reading thread still waits for room after its reader was dropped")
    #expect(try it.next()?.seq == 1)
  }

  @Test func anIdsTextReadsBackAsTheSameId() {
    for key in IdIndex.randomKeys(200) {
      let text = key.text
      #expect(text.utf8.count == 36 && UUIDKey(text) == key)
      #expect(text == text.lowercased() && text.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }
    #expect(UUIDKey("0123abcd-4567-89ef-0123-456789abcdef")?.text == "0123abcd-4567-89ef-0123-456789abcdef")
  }

  @Test func readAheadKeepsNoMoreThanItsDepth() throws {
    let j = try TestJournal()
    try j.writer().append(Sample.events(0..<200))
    var it = try Reader(at: j.path).records(from: 1)
    let ahead = ReadAhead(it, depth: 2, batchSize: 3)
    it.ahead = ahead
    var seqs: [UInt64] = []
    while let r = try it.next() {
      seqs.append(r.seq)
      // Batches handed out are released: what waits never exceeds the depth.
      #expect(ahead.channel.queuedCount <= 2)
    }
    #expect(seqs == Array(1...200))
  }
}
