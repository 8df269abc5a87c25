import Glibc

/// Iterates committed events in seq order, one segment in memory at a time,
/// one LZ4 frame decompressed at a time. Each frame's block and content
/// checksums are checked before any of its events is returned; a commit is
/// read only if its trailer and CRC say it is complete.
public struct RecordIterator {
  let layout: JournalLayout
  let names: [String]
  let from: UInt64
  var segmentIndex = -1
  var bytes: [UInt8] = []
  var map: SegmentMap? = nil
  var commitIndex = 0
  var framePos = 0
  /// The current frame's content is `raw[0..<rawCount]`. Two buffers take
  /// turns, so that a record kept from the previous frame (a fold keeps its
  /// last one) does not force a new allocation for every frame.
  var raw: [UInt8] = []
  var spare: [UInt8] = []
  var rawCount = 0
  var rawPos = 0
  var expected: UInt64 = 0
  var context = RecordDecoder.Context()
  /// Whether frames are decompressed over the previous buffers (false when
  /// records are kept in batches, as ``ReadAhead`` does).
  var reuseBuffers = true
  /// Set when another thread reads for this iterator.
  var ahead: ReadAhead? = nil

  init(layout: JournalLayout, names: [String], from: UInt64) {
    self.layout = layout
    self.names = names
    self.from = from
  }

  /// The next event, or nil at the end. Throws `.damaged` where a check fails;
  /// every event returned before that passed its checks.
  public mutating func next() throws(JournalError) -> Record? {
    if let ahead { return try ahead.next() }
    while true {
      if rawPos < rawCount {
        if let record = try nextLine() { return record }
        continue
      }
      if try !loadNextFrame() { return nil }
    }
  }

  mutating func nextLine() throws(JournalError) -> Record? {
    let start = rawPos
    let count = rawCount
    let end: Int = raw.withUnsafeBufferPointer { buf in
      guard let p = memchr(buf.baseAddress! + start, 0x0A, count - start) else { return count }
      return buf.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
    rawPos = end + 1
    // Skip lines before `from` cheaply: their seq is the running count.
    if expected < from {
      expected += 1
      return nil
    }
    let record = try RecordDecoder.decode(raw[start..<end], context: &context)
    guard record.seq == expected else {
      throw JournalError(
        .damaged, "Segment \(names[segmentIndex]) holds seq \(record.seq) where seq \(expected) was expected.",
        at: .init(file: names[segmentIndex], seq: expected))
    }
    expected += 1
    return record
  }

  /// Decompresses the next frame into `raw`; false at the end of the journal.
  mutating func loadNextFrame() throws(JournalError) -> Bool {
    while true {
      if let map, commitIndex < map.commits.count {
        let commit = map.commits[commitIndex]
        if framePos < commit.dataStart { framePos = commit.dataStart }
        if framePos >= commit.trailerStart {
          commitIndex += 1
          continue
        }
        // Skip whole commits before `from` without decompressing them.
        if commit.trailer.lastSeq < from && framePos == commit.dataStart {
          expected = commit.trailer.lastSeq + 1
          commitIndex += 1
          continue
        }
        if framePos == commit.dataStart { expected = commit.trailer.firstSeq }
        guard let length = SegmentMap.frameLength(bytes, at: framePos), framePos + length <= commit.trailerStart else {
          throw JournalError(
            .damaged, "Segment \(map.file) has a malformed frame at byte offset \(framePos).",
            at: .init(file: map.file, offset: Int64(framePos)))
        }
        if reuseBuffers { swap(&raw, &spare) } else { raw = [] }
        rawPos = 0
        rawCount = 0
        do {
          rawCount = try LZ4Frame.decompress(bytes[framePos..<(framePos + length)], over: &raw)
        } catch {
          throw JournalError(
            .damaged, "Segment \(map.file) is damaged at byte offset \(framePos) (seq \(commit.trailer.firstSeq)…): \(error.message)",
            at: .init(file: map.file, offset: Int64(framePos), seq: commit.trailer.firstSeq))
        }
        framePos += length
        return true
      }
      if let map {
        let isLast = segmentIndex == names.count - 1
        switch map.ending {
        case .clean: break
        case .uncommittedTail(let offset, _):
          if !isLast {
            throw Writer.damage(map.file, offset, map.nextSeq, "a segment that is not the last one ends with an incomplete commit")
          }
        case .unverifiedLastCommit(let offset, _, let seq, let why):
          // Never acknowledged unless HEAD says so: then it is damage (see the Format article, "Recovery rule").
          if !isLast || HeadRecord.claims(layout: layout, segmentFirstSeq: map.header.firstSeq, offset: offset) {
            throw Writer.damage(map.file, offset, seq, why)
          }
        case .damaged(let offset, let seq, let why):
          throw Writer.damage(map.file, offset, seq, why)
        }
      }
      segmentIndex += 1
      guard segmentIndex < names.count else { return false }
      let loaded = try SegmentFile.map(layout: layout, name: names[segmentIndex])
      if let map, loaded.map.header.firstSeq != map.nextSeq {
        throw JournalError(
          .damaged,
          "Segment \(loaded.map.file) starts at seq \(loaded.map.header.firstSeq) but the previous one ends at seq \(map.nextSeq - 1).",
          at: .init(file: loaded.map.file, seq: map.nextSeq))
      }
      bytes = loaded.bytes
      map = loaded.map
      commitIndex = 0
      framePos = 0
      expected = loaded.map.header.firstSeq
    }
  }
}
