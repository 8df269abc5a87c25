/// The structure of one segment, found by scanning its bytes without
/// decompressing them: its header, its complete commits, and what follows
/// the last complete commit (nothing, an uncommitted tail, or damage).
struct SegmentMap: Sendable {
  struct Commit: Sendable, Equatable {
    /// Offset of the commit's first LZ4 frame.
    var dataStart: Int
    /// Offset of its trailer.
    var trailerStart: Int
    var trailer: CommitTrailer
    var end: Int { trailerStart + CommitTrailer.size }
  }

  enum Ending: Sendable, Equatable {
    /// The file ends exactly after the last complete commit.
    case clean
    /// Bytes after the last complete commit that hold no valid trailer: an
    /// interrupted write (or a crash that added a block). Not committed.
    case uncommittedTail(offset: Int, length: Int)
    /// The last commit's trailer is whole but its data fails its checks (a
    /// write whose pages did not all reach the disk, or damage): whether it is
    /// an unacknowledged commit or damage, only the writer's HEAD can tell.
    /// Nothing valid follows it.
    case unverifiedLastCommit(offset: Int, length: Int, seq: UInt64, why: String)
    /// Bytes that cannot be a torn tail because a valid commit follows them:
    /// committed data is damaged at `offset`.
    case damaged(offset: Int, seq: UInt64, why: String)
  }

  var file: String
  var header: SegmentHeader
  var commits: [Commit]
  var ending: Ending

  /// End of the last complete commit (the header's end if none).
  var committedEnd: Int { commits.last?.end ?? SegmentHeader.size }
  var nextSeq: UInt64 { commits.last.map { $0.trailer.lastSeq + 1 } ?? header.firstSeq }
  var lastHash: ChainHash { commits.last?.trailer.lastHash ?? header.prevHash }
  var lastRecordedAt: Timestamp? { commits.last?.trailer.lastRecordedAt }
  var rawBytes: UInt64 { commits.reduce(0) { $0 + $1.trailer.rawLength } }

  static let lz4Magic: UInt32 = 0x184D_2204

  /// Scans `bytes` (a whole segment file) from its header forward.
  static func scan(_ bytes: [UInt8], file: String) throws(JournalError) -> SegmentMap {
    let header = try SegmentHeader.decode(bytes[...], file: file)
    var map = SegmentMap(file: file, header: header, commits: [], ending: .clean)
    var pos = SegmentHeader.size
    var commitStart = pos
    var expected = header.firstSeq
    var why = "an incomplete frame"
    let n = bytes.count
    scanning: while pos < n {
      guard let magic = bytes.readLE(UInt32.self, at: pos) else { break }
      switch magic {
      case lz4Magic:
        guard let length = frameLength(bytes, at: pos) else {
          why = "an LZ4 frame that is cut short or malformed"
          break scanning
        }
        pos += length
      case CommitTrailer.magic:
        guard pos + CommitTrailer.size <= n, let t = CommitTrailer.decode(bytes[pos..<(pos + CommitTrailer.size)]) else {
          why = "a commit trailer that fails its checksum"
          break scanning
        }
        guard t.dataLength == UInt64(pos - commitStart), t.dataLength > 0, t.firstSeq == expected,
          CRC32C.checksum(bytes[commitStart..<pos]) == t.dataCRC
        else {
          why = "a commit whose data does not match its trailer's checksum or position"
          break scanning
        }
        map.commits.append(Commit(dataStart: commitStart, trailerStart: pos, trailer: t))
        pos += CommitTrailer.size
        commitStart = pos
        expected = t.lastSeq + 1
      default:
        why = "bytes that are neither an LZ4 frame nor a commit trailer"
        break scanning
      }
    }
    if commitStart < n {
      if let p = nextValidTrailer(bytes, after: commitStart - 1) {
        // The trailer of the very commit that starts here, and nothing valid after it:
        // the last commit, torn or damaged. Anything else after bad bytes is damage.
        let own = CommitTrailer.decode(bytes[p..<(p + CommitTrailer.size)])?.firstSeq == expected
        if own && nextValidTrailer(bytes, after: p) == nil {
          map.ending = .unverifiedLastCommit(offset: commitStart, length: n - commitStart, seq: expected, why: why)
        } else {
          map.ending = .damaged(offset: commitStart, seq: expected, why: why)
        }
      } else {
        map.ending = .uncommittedTail(offset: commitStart, length: n - commitStart)
      }
    }
    return map
  }

  /// The offset of the first decodable trailer strictly after `offset`, if any.
  static func nextValidTrailer(_ b: [UInt8], after offset: Int) -> Int? {
    var i = offset + 1
    let n = b.count
    while i + CommitTrailer.size <= n {
      if b[i] == 0x51, b[i + 1] == 0x2A, b[i + 2] == 0x4D, b[i + 3] == 0x18,
        CommitTrailer.decode(b[i..<(i + CommitTrailer.size)]) != nil
      {
        return i
      }
      i += 1
    }
    return nil
  }

  /// The length of the LZ4 frame at `pos`, by walking its block headers; nil if
  /// the frame is malformed or runs past the end of `b`.
  static func frameLength(_ b: [UInt8], at pos: Int) -> Int? {
    guard pos + 7 <= b.count else { return nil }
    let flg = b[pos + 4]
    let bd = b[pos + 5]
    guard flg >> 6 == 1, flg & 0x02 == 0, bd & 0x8F == 0 else { return nil }
    let blockMax = 1 << (8 + 2 * Int((bd >> 4) & 7))
    guard (bd >> 4) & 7 >= 4 else { return nil }
    let blockChecksum = flg & 0x10 != 0
    let contentChecksum = flg & 0x04 != 0
    var p = pos + 6 + (flg & 0x08 != 0 ? 8 : 0) + (flg & 0x01 != 0 ? 4 : 0) + 1
    while true {
      guard let word = b.readLE(UInt32.self, at: p) else { return nil }
      p += 4
      if word == 0 { break }
      let size = Int(word & 0x7FFF_FFFF)
      guard size <= blockMax else { return nil }
      p += size + (blockChecksum ? 4 : 0)
      guard p <= b.count else { return nil }
    }
    p += contentChecksum ? 4 : 0
    return p <= b.count ? p - pos : nil
  }
}
