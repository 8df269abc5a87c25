import Foundation
import TestSupport
import Testing

@testable import Journal

@Suite("On-disk records")
struct FormatTests {
  @Test func crc32cCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8]()) == 0)
    let long = (0..<1000).map { UInt8($0 % 251) }
    #expect(CRC32C.checksum(long[0..<1000]) == CRC32C.checksum(Array(long)))
  }

  @Test func timestampsRoundTripAndRejectImpossibleDates() {
    for text in ["1970-01-01T00:00:00.000Z", "2010-11-25T09:30:00.123Z", "2024-02-29T23:59:59.999Z", "2099-12-31T00:00:00.001Z"] {
      #expect(Timestamp(rfc3339: text)?.rfc3339 == text)
    }
    #expect(Timestamp(rfc3339: "2023-02-29T00:00:00.000Z") == nil)
    #expect(Timestamp(rfc3339: "2023-01-01T24:00:00.000Z") == nil)
    #expect(Timestamp(rfc3339: "2023-01-01T00:00:00Z") == nil)
    #expect(Timestamp(millisecondsSince1970: 1_669_852_800_000).rfc3339 == "2022-12-01T00:00:00.000Z")
    var rng = Seeded(seed: 11)
    for _ in 0..<2000 {
      let ms = Int64.random(in: 0...(253_402_300_799_999), using: &rng)
      let t = Timestamp(millisecondsSince1970: ms)
      #expect(Timestamp(rfc3339: t.rfc3339) == t)
    }
  }

  @Test func civilDates() {
    #expect(CivilDate(iso: "2023-02-30") == nil)
    #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
    #expect(CivilDate(iso: "1900-02-29") == nil)
    #expect(CivilDate(iso: "2000-02-29") != nil)
    #expect(CivilDate(iso: "1970-01-01")?.daysSince1970 == 0)
    #expect(CivilDate(iso: "2021-11-09")?.daysSince1970 == 18940)
  }

  @Test func validTimes() {
    for ok in ["2022-05-17", "2022-05-17T09:30:00Z", "2022-05-17T09:30:00.5+02:00", "2022-12-31T23:59:59-05:00"] {
      #expect(EnvelopeRules.isValidTime(ok), "\(ok)")
    }
    for bad in ["2022-5-17", "2022-05-17T09:30:00", "2022-02-30", "2022-05-17T25:00:00Z", "2022-05-17 09:30:00Z", "17/05/2022"] {
      #expect(!EnvelopeRules.isValidTime(bad), "\(bad)")
    }
  }

  @Test func headerTrailerAndHeadRecordsRoundTripAndDetectEveryFlip() throws {
    let hash = ChainHash.link(prev: .zero, body: Array("{}".utf8))
    let header = SegmentHeader(sealed: true, firstSeq: 42, prevHash: hash)
    let trailer = CommitTrailer(
      firstSeq: 42, count: 3, dataLength: 777, rawLength: 999, dataCRC: 0xDEAD_BEEF,
      lastRecordedAt: Timestamp(millisecondsSince1970: 1_700_000_000_000), lastHash: hash)
    let head = HeadRecord(
      segmentFirstSeq: 42, committedEnd: 1234, lastSeq: 44, lastRecordedAt: Timestamp(millisecondsSince1970: 5), lastHash: hash,
      sealed: false, rawBytes: 999)
    #expect(try SegmentHeader.decode(header.encoded()[...], file: "x") == header)
    #expect(CommitTrailer.decode(trailer.encoded()[...]) == trailer)
    #expect(HeadRecord.decode(head.encoded()) == head)
    #expect(header.encoded().count == SegmentHeader.size && trailer.encoded().count == CommitTrailer.size)
    for i in 0..<CommitTrailer.size {
      var t = trailer.encoded()
      t[i] ^= 0x10
      #expect(CommitTrailer.decode(t[...]) == nil, "trailer byte \(i)")
    }
    for i in 0..<SegmentHeader.size {
      var h = header.encoded()
      h[i] ^= 0x10
      #expect(throws: JournalError.self) { try SegmentHeader.decode(h[...], file: "x") }
    }
    for i in 0..<HeadRecord.size {
      var h = head.encoded()
      h[i] ^= 0x10
      #expect(HeadRecord.decode(h) == nil, "HEAD byte \(i)")
    }
  }

  @Test func idTableSideFileRoundTripsAndRejectsDamage() throws {
    let j = try TestJournal()
    try j.writer().append(Sample.events(0..<50))
    var raw: [UInt8] = []
    for r in try j.all() { raw += r.lineBytes + [0x0A] }
    let table = try IdTable(raw: raw)
    let encoded = table.encoded(firstSeq: 1)
    let back = try #require(IdTable(decoding: encoded, firstSeq: 1))
    for r in try j.all() { #expect(back.find(UUIDKey(r.id)!) == r.seq) }
    #expect(back.find(UUIDKey("00000000-0000-4000-8000-000000000000")!) == nil)
    #expect(IdTable(decoding: encoded, firstSeq: 2) == nil)
    var damaged = encoded
    damaged[100] ^= 1
    #expect(IdTable(decoding: damaged, firstSeq: 1) == nil)
  }

  @Test func uuidKeysRoundTrip() {
    for _ in 0..<200 {
      let id = IdIndex.randomUUID()
      #expect(UUIDKey(id)?.text == id)
      #expect(EnvelopeRules.normalizedID(id.uppercased()) == id)
    }
  }
}
