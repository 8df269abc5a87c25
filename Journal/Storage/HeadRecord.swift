import Glibc

/// The `HEAD` file: a hint of where the last commit ends, rewritten in place
/// after every commit (88 bytes, CRC-protected). It is never trusted alone:
/// the trailer it points to must agree. It lets writers and readers find the
/// tail without scanning, and tells apart a torn tail (never acknowledged)
/// from damage to an acknowledged commit. See `FORMAT.md`, "HEAD".
struct HeadRecord: Sendable, Equatable {
  static let tag: [UInt8] = Array("ESSHEAD1".utf8)
  static let size = 88

  var segmentFirstSeq: UInt64
  /// Size of the last segment after the last commit.
  var committedEnd: UInt64
  var lastSeq: UInt64
  var lastRecordedAt: Timestamp
  var lastHash: ChainHash
  var sealed: Bool
  /// Uncompressed bytes in the last segment.
  var rawBytes: UInt64

  func encoded() -> [UInt8] {
    var out = HeadRecord.tag
    out.reserveCapacity(HeadRecord.size)
    out.appendLE(segmentFirstSeq)
    out.appendLE(committedEnd)
    out.appendLE(lastSeq)
    out.appendLE(lastRecordedAt.millisecondsSince1970)
    out.append(contentsOf: lastHash.bytes)
    out.appendLE(rawBytes)
    out.appendLE(UInt32(sealed ? 1 : 0))
    out.appendLE(CRC32C.checksum(out))
    return out
  }

  /// The journal's HEAD, if it is whole and valid.
  static func read(_ layout: JournalLayout) -> HeadRecord? {
    guard let fd = try? POSIX.open(layout.head, O_RDONLY) else { return nil }
    defer { close(fd) }
    guard let b = try? POSIX.read(fd, at: 0, count: size, layout.head) else { return nil }
    return decode(b)
  }

  /// Whether HEAD says a commit ending after `offset` of the segment starting at
  /// `segmentFirstSeq` was acknowledged (HEAD is written only after a commit's flush returned).
  static func claims(layout: JournalLayout, segmentFirstSeq: UInt64, offset: Int) -> Bool {
    guard let head = read(layout) else { return false }
    return head.segmentFirstSeq == segmentFirstSeq && head.committedEnd > UInt64(offset)
  }

  static func decode(_ b: [UInt8]) -> HeadRecord? {
    guard b.count == size, Array(b[0..<8]) == tag,
      b.readLE(UInt32.self, at: size - 4) == CRC32C.checksum(b[0..<(size - 4)])
    else { return nil }
    return HeadRecord(
      segmentFirstSeq: b.readLE(UInt64.self, at: 8)!, committedEnd: b.readLE(UInt64.self, at: 16)!,
      lastSeq: b.readLE(UInt64.self, at: 24)!,
      lastRecordedAt: Timestamp(millisecondsSince1970: b.readLE(Int64.self, at: 32)!),
      lastHash: ChainHash(bytes: Array(b[40..<72])), sealed: b.readLE(UInt32.self, at: 80)! & 1 == 1,
      rawBytes: b.readLE(UInt64.self, at: 72)!)
  }
}
