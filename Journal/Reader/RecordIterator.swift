import Glibc

/// Iterates committed events in seq order, one LZ4 frame in memory at a
/// time. Each frame's block and content checksums are checked before any of
/// its events is returned; a commit is read only if its trailer and CRC say
/// it is complete — checked when the segment's frame index was built or
/// extended (see ``FrameIndex``), which then lets the iterator start at the
/// frame of `from` and read frame by frame. A segment without one (a torn
/// tail, damage, a commit being written) is read whole, with its recovery
/// rules.
public struct RecordIterator {
  let layout: JournalLayout
  let names: [String]
  let from: UInt64
  var segmentIndex = -1
  /// The current segment read whole (no frame index), and its map.
  var bytes: [UInt8] = []
  var map: SegmentMap? = nil
  var commitIndex = 0
  var framePos = 0
  /// The current segment read frame by frame through its index.
  var indexed: FrameIndex? = nil
  var file: SegmentHandle? = nil
  var frameIndex = 0
  /// The seq after the current frame's last line (its lines must end there).
  var frameEnd: UInt64 = 0
  /// The seq the next segment must start at.
  var nextSegmentSeq: UInt64? = nil
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
      if let index = indexed, let file {
        if frameIndex < index.frames.count {
          let frame = index.frames[frameIndex]
          if frameIndex > 0 && expected != frameEnd {
            throw JournalError(
              .damaged, "Segment \(file.name) holds fewer lines than its frame index says before byte offset \(frame.offset).",
              at: .init(file: file.name, offset: Int64(frame.offset), seq: expected))
          }
          frameIndex += 1
          // The frame, and its commit's trailer when one follows it (checked as it is passed).
          let (bytes, trailer) = try file.read(frame)
          if frame.endsCommit {
            let lastSeq = frame.firstSeq + UInt64(frame.lines) - 1
            guard let t = trailer, t.lastSeq == lastSeq else {
              throw JournalError(
                .damaged,
                "Segment \(file.name) has a damaged commit trailer at byte offset \(frame.offset + frame.length) (seq \(lastSeq)); restore this segment from a backup.",
                at: .init(file: file.name, offset: Int64(frame.offset + frame.length), seq: lastSeq))
            }
          }
          if reuseBuffers { swap(&raw, &spare) } else { raw = [] }
          rawPos = 0
          rawCount = 0
          do {
            rawCount = try LZ4Frame.decompress(bytes, over: &raw)
          } catch {
            throw JournalError(
              .damaged, "Segment \(file.name) is damaged at byte offset \(frame.offset) (seq \(frame.firstSeq)…): \(error.message)",
              at: .init(file: file.name, offset: Int64(frame.offset), seq: frame.firstSeq))
          }
          expected = frame.firstSeq
          frameEnd = frame.firstSeq + UInt64(frame.lines)
          return true
        }
        if !index.frames.isEmpty && expected != frameEnd {
          throw JournalError(
            .damaged, "Segment \(file.name) holds fewer lines than its frame index says.",
            at: .init(file: file.name, seq: expected))
        }
        nextSegmentSeq = index.nextSeq
        indexed = nil
        self.file = nil
      } else if let map, commitIndex < map.commits.count {
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
      } else if let map {
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
        nextSegmentSeq = map.nextSeq
        self.map = nil
        bytes = []
      }
      segmentIndex += 1
      guard segmentIndex < names.count else { return false }
      try openSegment(names[segmentIndex])
    }
  }

  /// Opens the next segment: through its frame index when it has whole
  /// commits to its end, else read whole and mapped.
  mutating func openSegment(_ name: String) throws(JournalError) {
    let handle = try SegmentHandle(layout: layout, name: name)
    if let index = try FrameIndex.current(layout: layout, handle: handle) {
      try checkContinues(index.segmentFirstSeq, name)
      indexed = index
      file = handle
      frameIndex = index.frame(holding: max(from, index.segmentFirstSeq)) ?? index.frames.count
      expected = frameIndex < index.frames.count ? index.frames[frameIndex].firstSeq : index.nextSeq
      frameEnd = expected
      return
    }
    let loaded = try SegmentFile.map(layout: layout, name: name)
    try checkContinues(loaded.map.header.firstSeq, loaded.map.file)
    bytes = loaded.bytes
    map = loaded.map
    commitIndex = 0
    framePos = 0
    expected = loaded.map.header.firstSeq
  }

  func checkContinues(_ firstSeq: UInt64, _ file: String) throws(JournalError) {
    if let next = nextSegmentSeq, firstSeq != next {
      throw JournalError(
        .damaged, "Segment \(file) starts at seq \(firstSeq) but the previous one ends at seq \(next - 1).",
        at: .init(file: file, seq: next))
    }
  }
}

/// An open segment file, closed when the last copy of the iterator that reads it goes.
final class SegmentHandle: Sendable {
  let name: String
  let path: String
  let fd: Int32

  init(layout: JournalLayout, name: String) throws(JournalError) {
    self.name = name
    path = layout.segmentPath(name)
    fd = try POSIX.open(path, O_RDONLY)
  }

  deinit { close(fd) }

  /// The bytes of `frame` and, when its commit's trailer follows it, that
  /// trailer, read together (nil if it is cut short or fails its checksum).
  func read(_ frame: FrameIndex.Frame) throws(JournalError) -> (frame: ArraySlice<UInt8>, trailer: CommitTrailer?) {
    let trailerSize = frame.endsCommit ? CommitTrailer.size : 0
    let bytes = try POSIX.read(fd, at: Int64(frame.offset), count: frame.length + trailerSize, path)
    guard bytes.count >= frame.length else {
      throw JournalError(
        .damaged, "Segment \(name) ends inside the frame at byte offset \(frame.offset).",
        at: .init(file: name, offset: Int64(frame.offset)))
    }
    let trailer = frame.endsCommit && bytes.count == frame.length + trailerSize ? CommitTrailer.decode(bytes[frame.length...]) : nil
    return (bytes[..<frame.length], trailer)
  }
}
