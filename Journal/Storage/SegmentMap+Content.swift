extension SegmentMap {
  /// The JSON Lines in consecutive LZ4 frames (a batch's, before it is written), checked to hold `count` lines.
  static func lines(ofFrames frames: [UInt8], count: Int) throws(JournalError) -> [UInt8] {
    var out: [UInt8] = []
    var pos = 0
    while pos < frames.count {
      guard let length = frameLength(frames, at: pos) else { throw JournalError(.ioFailure, "A batch's frames do not read back.") }
      try LZ4Frame.decompress(frames[pos..<(pos + length)], into: &out)
      pos += length
    }
    guard out.filter({ $0 == 0x0A }).count == count else { throw JournalError(.ioFailure, "A batch's frames do not read back.") }
    return out
  }

  /// The JSON Lines of one commit: each of its LZ4 frames decompressed and
  /// checked (block and content checksums), then its size and line count
  /// checked against the trailer.
  static func content(of commit: Commit, in bytes: [UInt8], file: String, into out: inout [UInt8]) throws(JournalError) {
    let start = out.count
    var pos = commit.dataStart
    while pos < commit.trailerStart {
      guard let length = frameLength(bytes, at: pos), pos + length <= commit.trailerStart else {
        throw JournalError(
          .damaged, "Segment \(file) has a malformed LZ4 frame at byte offset \(pos) (seq \(commit.trailer.firstSeq)…).",
          at: .init(file: file, offset: Int64(pos), seq: commit.trailer.firstSeq))
      }
      do {
        try LZ4Frame.decompress(bytes[pos..<(pos + length)], into: &out)
      } catch {
        throw JournalError(
          .damaged,
          "Segment \(file) is damaged at byte offset \(pos): \(error.message) The events from seq \(commit.trailer.firstSeq) on cannot be trusted; restore this segment from a backup.",
          at: .init(file: file, offset: Int64(pos), seq: commit.trailer.firstSeq))
      }
      pos += length
    }
    var lines = 0
    for b in out[start...] where b == 0x0A { lines += 1 }
    guard UInt64(out.count - start) == commit.trailer.rawLength, lines == Int(commit.trailer.count),
      out.last == 0x0A
    else {
      throw JournalError(
        .damaged, "Segment \(file) holds a commit at byte offset \(commit.dataStart) whose content does not match its trailer.",
        at: .init(file: file, offset: Int64(commit.dataStart), seq: commit.trailer.firstSeq))
    }
  }
}
