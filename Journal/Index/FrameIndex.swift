import Glibc

/// Where each data frame of a segment lies and which seq its first line
/// holds, up to a committed end: what lets a reader go straight to the frame
/// of a seq, and read a segment one frame at a time, whatever the size of
/// its commits (see the Format article, "Frame index").
///
/// Kept beside the segment in `index/<segment>.frames` (a hint, like every
/// file of `index/`): `"ESSFRMS1"`, the segment's first seq (u64), sealed
/// flag (u8), committed end (u64), next seq (u64), last hash (32 bytes),
/// last recordedAt (i64 ms, or `Int64.min`), raw bytes (u64), frame count
/// (u64), then per frame its offset (u64), length (u32), first seq (u64),
/// line count (u32) and whether a commit trailer follows it (u8), then the
/// CRC-32C of everything before.
///
/// Trusted only as far as the segment agrees: its header (first seq, sealed
/// flag) and the commit trailer ending at the committed end (last seq and
/// hash) must match; bytes after that end are scanned (every commit's data
/// CRC and line count checked) and added. When a segment holds anything but
/// whole commits to its end, there is no frame index and readers take the
/// segment whole, with its recovery rules.
struct FrameIndex: Sendable, Equatable {
  struct Frame: Sendable, Equatable {
    var offset: Int
    var length: Int
    var firstSeq: UInt64
    var lines: Int
    /// Whether its commit's trailer follows it (the last frame of a commit): readers check that trailer as they pass.
    var endsCommit: Bool
  }

  static let magic = Array("ESSFRMS1".utf8)

  var segmentFirstSeq: UInt64
  var sealed: Bool
  var frames: [Frame] = []
  /// End of the last commit covered (the header's end if none).
  var end: Int
  var nextSeq: UInt64
  var lastHash: ChainHash
  var lastRecordedAt: Timestamp?
  var rawBytes: UInt64 = 0

  /// The frame holding `seq`, by binary search (nil if the index holds none).
  func frame(holding seq: UInt64) -> Int? { Self.position(of: seq, in: frames) }

  /// The place in `frames` (consecutive, ascending) of the one holding `seq`, by binary search.
  static func position(of seq: UInt64, in frames: [Frame]) -> Int? {
    guard let first = frames.first, seq >= first.firstSeq else { return nil }
    var lo = 0
    var hi = frames.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if frames[mid].firstSeq <= seq { lo = mid + 1 } else { hi = mid }
    }
    return seq < frames[lo - 1].firstSeq + UInt64(frames[lo - 1].lines) ? lo - 1 : nil
  }

  /// Adds a commit written at `offset` (its frames' lengths and line counts, then its trailer).
  mutating func appendCommit(at offset: Int, frames info: [(length: Int, lines: Int)], trailer: CommitTrailer) {
    var pos = offset
    var seq = trailer.firstSeq
    for f in info {
      frames.append(Frame(offset: pos, length: f.length, firstSeq: seq, lines: f.lines, endsCommit: false))
      pos += f.length
      seq += UInt64(f.lines)
    }
    if !info.isEmpty { frames[frames.count - 1].endsCommit = true }
    end = pos + CommitTrailer.size
    nextSeq = trailer.lastSeq + 1
    lastHash = trailer.lastHash
    lastRecordedAt = trailer.lastRecordedAt
    rawBytes += trailer.rawLength
  }

  func encoded() -> [UInt8] {
    var w = ByteWriter()
    w.raw(Self.magic)
    w.u64(segmentFirstSeq)
    w.u8(sealed ? 1 : 0)
    w.u64(UInt64(end))
    w.u64(nextSeq)
    w.raw(lastHash.bytes)
    w.le(lastRecordedAt?.millisecondsSince1970 ?? Int64.min)
    w.u64(rawBytes)
    w.u64(UInt64(frames.count))
    for f in frames {
      w.u64(UInt64(f.offset))
      w.u32(UInt32(f.length))
      w.u64(f.firstSeq)
      w.u32(UInt32(f.lines))
      w.u8(f.endsCommit ? 1 : 0)
    }
    let crc = CRC32C.checksum(w.bytes)
    w.u32(crc)
    return w.bytes
  }

  /// The index of a segment that holds only `header`: no frame yet.
  init(emptyAfter header: SegmentHeader) {
    self.init(
      segmentFirstSeq: header.firstSeq, sealed: header.sealed, end: SegmentHeader.size, nextSeq: header.firstSeq,
      lastHash: header.prevHash, lastRecordedAt: nil)
  }

  init(segmentFirstSeq: UInt64, sealed: Bool, end: Int, nextSeq: UInt64, lastHash: ChainHash, lastRecordedAt: Timestamp?) {
    self.segmentFirstSeq = segmentFirstSeq
    self.sealed = sealed
    self.end = end
    self.nextSeq = nextSeq
    self.lastHash = lastHash
    self.lastRecordedAt = lastRecordedAt
  }

  /// The index `bytes` hold, or nil if they are not one, whole.
  init?(decoding bytes: [UInt8]) {
    guard bytes.count >= 8 + 4, bytes.starts(with: Self.magic),
      bytes.readLE(UInt32.self, at: bytes.count - 4) == CRC32C.checksum(bytes[0..<(bytes.count - 4)])
    else { return nil }
    var r = ByteReader(bytes[8..<(bytes.count - 4)])
    guard let first = r.u64(), let sealed = r.u8(), let end = r.u64(), let next = r.u64(), let h = r.raw(32),
      let hash = ChainHash(digest: h), let at = r.le(Int64.self), let raw = r.u64(), let count = r.u64(),
      count <= UInt64(bytes.count / 24)
    else { return nil }
    self.init(
      segmentFirstSeq: first, sealed: sealed == 1, end: Int(end), nextSeq: next, lastHash: hash,
      lastRecordedAt: at == Int64.min ? nil : Timestamp(millisecondsSince1970: at))
    rawBytes = raw
    frames.reserveCapacity(Int(count))
    var expected = first
    for _ in 0..<count {
      guard let o = r.u64(), let l = r.u32(), let s = r.u64(), let n = r.u32(), let e = r.u8(), s == expected, n > 0, e <= 1
      else { return nil }
      frames.append(Frame(offset: Int(o), length: Int(l), firstSeq: s, lines: Int(n), endsCommit: e == 1))
      expected = s + UInt64(n)
    }
    guard r.atEnd, expected == next else { return nil }
  }
}
