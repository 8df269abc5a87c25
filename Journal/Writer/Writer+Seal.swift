import Glibc

extension Writer {
  /// Closes the full last segment before a new one starts: seals it (rewrites
  /// it into large frames) when its commits were small, else leaves it as it is
  /// (its frames are already as compact as a rewrite would make them).
  func closeTail() throws(JournalError) {
    guard let t = tail else { return }
    let enough = Int(t.rawBytes / UInt64(max(1, options.frameBytes / 16)))
    if !t.header.sealed, try hasMoreCommits(than: enough, in: t) {
      try sealTail()
    }
    if let t = tail {
      ids.didClose(t.name, firstSeq: t.header.firstSeq, lastSeq: t.nextSeq - 1)
      // A closed segment keeps an up-to-date frame index (made again for a sealed one).
      if t.frames == nil { t.frames = try? FrameIndex.current(layout: layout, name: t.name, fd: t.fd) }
      saveFrameIndex(t, withIDs: false)
    }
  }

  /// Whether the segment holds more than `limit` commits, walking back from
  /// its end through the trailers (each names the length of its commit).
  func hasMoreCommits(than limit: Int, in t: TailState) throws(JournalError) -> Bool {
    var end = t.committedEnd
    var count = 0
    while end > SegmentHeader.size {
      count += 1
      if count > limit { return true }
      let bytes = try POSIX.read(t.fd, at: Int64(end - CommitTrailer.size), count: CommitTrailer.size, t.path)
      guard let trailer = CommitTrailer.decode(bytes[...]) else { return true }
      end -= CommitTrailer.size + Int(trailer.dataLength)
    }
    return false
  }

  /// Rewrites the last segment into frames of about ``WriterOptions/frameBytes``
  /// each (the same lines, so the same hashes), checks the copy, then swaps it
  /// in with an atomic rename. A crash at any point leaves either the old or
  /// the new file, both complete.
  func sealTail() throws(JournalError) {
    guard let t = tail, !t.header.sealed, t.nextSeq > t.header.firstSeq else { return }
    let bytes = try POSIX.read(t.fd, at: 0, count: t.committedEnd, t.path)
    let map = try SegmentMap.scan(bytes, file: t.name)
    guard map.ending == .clean, map.nextSeq == t.nextSeq else {
      throw JournalError(.damaged, "Segment \(t.name) changed while it was being sealed; nothing was changed.", at: .init(file: t.name))
    }
    var raw: [UInt8] = []
    raw.reserveCapacity(Int(map.rawBytes))
    for commit in map.commits { try SegmentMap.content(of: commit, in: bytes, file: t.name, into: &raw) }
    let chunks = try Writer.checkedChunks(raw, header: map.header, file: t.name, frameBytes: options.frameBytes)

    var sealed = SegmentHeader(sealed: true, firstSeq: map.header.firstSeq, prevHash: map.header.prevHash).encoded()
    for chunk in chunks {
      let frame = try LZ4Frame.compress(raw[chunk.range])
      let trailer = CommitTrailer(
        firstSeq: chunk.firstSeq, count: chunk.count, dataLength: UInt64(frame.count), rawLength: UInt64(chunk.range.count),
        dataCRC: CRC32C.checksum(frame), lastRecordedAt: chunk.lastRecordedAt, lastHash: chunk.lastHash)
      sealed.append(contentsOf: frame)
      sealed.append(contentsOf: trailer.encoded())
    }
    let temporary = t.path + ".seal"
    disk.unlink(temporary)
    let fd = try disk.open(temporary, O_RDWR | O_CREAT | O_EXCL)
    do throws(JournalError) {
      try disk.writeAll(fd, sealed, at: 0, path: temporary)
      try disk.sync(fd, path: temporary)
      // Read the copy back from the file and compare it with the original lines.
      let back = try POSIX.read(fd, at: 0, count: sealed.count + 1, temporary)
      let backMap = try SegmentMap.scan(back, file: t.name)
      var backRaw: [UInt8] = []
      backRaw.reserveCapacity(raw.count)
      for commit in backMap.commits { try SegmentMap.content(of: commit, in: back, file: t.name, into: &backRaw) }
      guard backMap.ending == .clean, backRaw == raw, backMap.nextSeq == map.nextSeq, backMap.lastHash == map.lastHash else {
        throw JournalError(.ioFailure, "The sealed copy of segment \(t.name) did not read back identical; the segment was left as it was.")
      }
      try disk.rename(temporary, t.path)
      try disk.syncDirectory(layout.segments)
    } catch {
      close(fd)
      disk.unlink(temporary)
      throw error
    }
    let header = SegmentHeader(sealed: true, firstSeq: map.header.firstSeq, prevHash: map.header.prevHash)
    tail = TailState(
      name: t.name, path: t.path, fd: fd, header: header, committedEnd: sealed.count, nextSeq: map.nextSeq,
      lastHash: map.lastHash, lastRecordedAt: map.lastRecordedAt, rawBytes: map.rawBytes)
    writeHead()
  }

  struct Chunk {
    var range: Range<Int>
    var firstSeq: UInt64
    var count: UInt32
    var lastHash: ChainHash
    var lastRecordedAt: Timestamp
  }

  /// Splits `raw` into frames of whole lines and checks every line on the way:
  /// canonical envelope, consecutive seqs, and the hash chain.
  static func checkedChunks(_ raw: [UInt8], header: SegmentHeader, file: String, frameBytes: Int) throws(JournalError) -> [Chunk] {
    var chunks: [Chunk] = []
    var prev = header.prevHash
    var seq = header.firstSeq
    var chunkStart = 0
    var chunkFirst = seq
    var lineStart = 0
    var lastAt = Timestamp(millisecondsSince1970: 0)
    var context = RecordDecoder.Context()
    var i = 0
    while i < raw.count {
      if raw[i] == 0x0A {
        let line = raw[lineStart..<i]
        let record = try RecordDecoder.decode(line, context: &context)
        guard record.seq == seq, let link = EventLine.check(line), link.prev == prev, link.computed == link.stored else {
          throw JournalError(
            .damaged, "Segment \(file) breaks the hash chain at seq \(seq); it was not sealed.",
            at: .init(file: file, seq: seq))
        }
        prev = link.stored
        lastAt = record.recordedAt
        seq += 1
        lineStart = i + 1
        if lineStart - chunkStart >= frameBytes || lineStart == raw.count {
          chunks.append(
            Chunk(
              range: chunkStart..<lineStart, firstSeq: chunkFirst, count: UInt32(seq - chunkFirst), lastHash: prev, lastRecordedAt: lastAt))
          chunkStart = lineStart
          chunkFirst = seq
        }
      }
      i += 1
    }
    return chunks
  }
}
