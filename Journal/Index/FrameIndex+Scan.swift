import Glibc

extension FrameIndex {
  /// Bytes read at a time when scanning a segment (a frame longer than this is read whole).
  static let scanChunk = 1 << 22
  /// A reader rewrites the side file when its scan added at least this many frames.
  static let rewriteAfter = 64

  static func path(_ layout: JournalLayout, _ name: String) -> String { layout.index + "/" + name + ".frames" }

  /// The frame index of segment `name` (open as `fd`), checked against the
  /// segment and brought up to its end — from its side file when it agrees,
  /// else by scanning the segment a few MiB at a time. Nil when the segment
  /// holds anything but whole commits to its end (a torn tail, damage, a
  /// commit being written): the caller then reads it whole, with its
  /// recovery rules. Given a `disk` (a writer's, under its lock), writes
  /// the side file through it (best effort) when it scanned much; readers
  /// give none and never write.
  ///
  /// - Throws: what reading the segment throws, or `.damaged`/`.unsupportedVersion` for its header.
  static func current(layout: JournalLayout, name: String, fd: Int32, savingWith disk: Disk? = nil) throws(JournalError)
    -> FrameIndex?
  {
    let path = layout.segmentPath(name)
    let size = Int(try POSIX.size(fd, path))
    let header = try SegmentHeader.decode(try POSIX.read(fd, at: 0, count: SegmentHeader.size, path)[...], file: name)
    var index = FrameIndex(emptyAfter: header)
    var fromSide = false
    if let bytes = CacheFile.read(Self.path(layout, name)), let saved = FrameIndex(decoding: bytes),
      saved.segmentFirstSeq == header.firstSeq, saved.sealed == header.sealed, saved.end <= size,
      try saved.agrees(with: fd, path: path, header: header)
    {
      index = saved
      fromSide = true
    }
    let before = index.frames.count
    guard try index.scan(fd: fd, path: path, size: size) else { return nil }
    if let disk, !fromSide || index.frames.count - before >= rewriteAfter {
      try? CacheFile.write(index.encoded(), to: Self.path(layout, name), disk: disk)
    }
    return index
  }

  /// The same, for a segment a reader opened (kept open while it is read).
  static func current(layout: JournalLayout, handle: SegmentHandle, savingWith disk: Disk? = nil) throws(JournalError)
    -> FrameIndex?
  {
    try current(layout: layout, name: handle.name, fd: handle.fd, savingWith: disk)
  }

  /// Whether the segment still ends a commit where this index says, with its seq and hash.
  func agrees(with fd: Int32, path: String, header: SegmentHeader) throws(JournalError) -> Bool {
    guard end > SegmentHeader.size else { return nextSeq == header.firstSeq && lastHash == header.prevHash && frames.isEmpty }
    guard end >= SegmentHeader.size + CommitTrailer.size else { return false }
    let bytes = try POSIX.read(fd, at: Int64(end - CommitTrailer.size), count: CommitTrailer.size, path)
    guard let t = CommitTrailer.decode(bytes[...]) else { return false }
    return t.lastSeq == nextSeq - 1 && t.lastHash == lastHash
  }

  /// Adds the whole commits from ``end`` to `size`, checking each one as the
  /// reading rule says (trailer, position, first seq, data CRC) and counting
  /// its lines; false if anything but whole commits follows.
  mutating func scan(fd: Int32, path: String, size: Int) throws(JournalError) -> Bool {
    var buffer: [UInt8] = []
    var bufferStart = end
    var pos = end
    var commitStart = pos
    var crc: UInt32 = 0
    var pending: [Frame] = []
    var lines = 0
    var raw = 0
    var content: [UInt8] = []
    /// Makes `buffer` hold the bytes `pos..<pos + n`; false past the end of the file.
    func ensure(_ n: Int) throws(JournalError) -> Bool {
      let need = pos + n
      guard need <= size else { return false }
      if need <= bufferStart + buffer.count { return true }
      if pos > bufferStart {
        buffer.removeFirst(pos - bufferStart)
        bufferStart = pos
      }
      let have = bufferStart + buffer.count
      let more = try POSIX.read(fd, at: Int64(have), count: min(max(need - have, Self.scanChunk), size - have), path)
      buffer += more
      return need <= bufferStart + buffer.count
    }
    while pos < size {
      guard try ensure(4), let magic = buffer.readLE(UInt32.self, at: pos - bufferStart) else { return false }
      switch magic {
      case SegmentMap.lz4Magic:
        var want = min(size - pos, Self.scanChunk)
        var length: Int? = nil
        while length == nil {
          guard try ensure(want) else { return false }
          length = SegmentMap.frameLength(buffer, at: pos - bufferStart)
          if length == nil {
            if want == size - pos { return false }
            want = min(size - pos, want * 2)
          }
        }
        let frame = buffer[(pos - bufferStart)..<(pos - bufferStart + length!)]
        crc = CRC32C.checksum(frame, seed: crc)
        let n: Int
        do {
          n = try LZ4Frame.decompress(frame, over: &content)
        } catch {
          return false
        }
        let count = Newlines.count(in: content, 0..<n)
        guard count > 0, content[n - 1] == 0x0A else { return false }
        pending.append(Frame(offset: pos, length: length!, firstSeq: nextSeq + UInt64(lines), lines: count, endsCommit: false))
        lines += count
        raw += n
        pos += length!
      case CommitTrailer.magic:
        guard try ensure(CommitTrailer.size),
          let t = CommitTrailer.decode(buffer[(pos - bufferStart)..<(pos - bufferStart + CommitTrailer.size)]),
          t.dataLength == UInt64(pos - commitStart), t.dataLength > 0, t.firstSeq == nextSeq, t.dataCRC == crc,
          Int(t.count) == lines, t.rawLength == UInt64(raw)
        else { return false }
        pending[pending.count - 1].endsCommit = true
        frames += pending
        pos += CommitTrailer.size
        end = pos
        nextSeq = t.lastSeq + 1
        lastHash = t.lastHash
        lastRecordedAt = t.lastRecordedAt
        rawBytes += t.rawLength
        commitStart = pos
        crc = 0
        pending = []
        lines = 0
        raw = 0
      default:
        return false
      }
    }
    return commitStart == size
  }
}
