import Glibc

/// The open last segment and where the journal ends: what the writer needs
/// to commit the next batch.
final class TailState {
  let name: String
  let path: String
  let fd: Int32
  let header: SegmentHeader
  var committedEnd: Int
  var nextSeq: UInt64
  var lastHash: ChainHash
  var lastRecordedAt: Timestamp?
  var rawBytes: UInt64
  /// The HEAD bytes this state was last checked against.
  var headBytes: [UInt8]
  /// The segment's frame index up to `committedEnd` (nil until first needed, or when it cannot be kept).
  var frames: FrameIndex? = nil
  /// How many of its frames, and raw bytes, the side file holds.
  var framesSaved = 0
  var rawSaved: UInt64 = 0

  init(
    name: String, path: String, fd: Int32, header: SegmentHeader, committedEnd: Int, nextSeq: UInt64,
    lastHash: ChainHash, lastRecordedAt: Timestamp?, rawBytes: UInt64
  ) {
    self.name = name
    self.path = path
    self.fd = fd
    self.header = header
    self.committedEnd = committedEnd
    self.nextSeq = nextSeq
    self.lastHash = lastHash
    self.lastRecordedAt = lastRecordedAt
    self.rawBytes = rawBytes
    self.headBytes = []
  }

  deinit { close(fd) }

  var head: HeadRecord {
    HeadRecord(
      segmentFirstSeq: header.firstSeq, committedEnd: UInt64(committedEnd), lastSeq: nextSeq - 1,
      lastRecordedAt: lastRecordedAt ?? Timestamp(millisecondsSince1970: 0), lastHash: lastHash,
      sealed: header.sealed, rawBytes: rawBytes)
  }
}
