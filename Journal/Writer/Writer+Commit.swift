import Glibc

extension Writer {
  /// Makes sure the last segment can take `rawBytes` more: creates the first
  /// segment, or seals a full one and starts the next.
  func ensureSegment(forRawBytes rawBytes: Int) throws(JournalError) {
    guard let t = tail else {
      try createSegment(firstSeq: 1, prevHash: .zero, lastRecordedAt: nil)
      return
    }
    if t.header.sealed || (t.rawBytes > 0 && t.rawBytes + UInt64(rawBytes) > UInt64(options.segmentBytes)) {
      try closeTail()
      try createSegment(firstSeq: t.nextSeq, prevHash: t.lastHash, lastRecordedAt: t.lastRecordedAt)
    }
  }

  /// Creates `segments/<firstSeq>.lz4` holding only its header: written to a
  /// temporary name, synced, renamed, and the folder synced.
  func createSegment(firstSeq: UInt64, prevHash: ChainHash, lastRecordedAt: Timestamp?) throws(JournalError) {
    let name = JournalLayout.segmentName(firstSeq: firstSeq)
    let path = layout.segmentPath(name)
    let temporary = path + ".new"
    POSIX.unlink(temporary)
    let header = SegmentHeader(sealed: false, firstSeq: firstSeq, prevHash: prevHash)
    let fd = try POSIX.open(temporary, O_RDWR | O_CREAT | O_EXCL)
    do throws(JournalError) {
      try writeAll(fd, header.encoded(), at: 0, path: temporary)
      try sync(fd, path: temporary)
      try POSIX.rename(temporary, path)
      try POSIX.fsyncDirectory(layout.segments)
    } catch {
      close(fd)
      POSIX.unlink(temporary)
      throw error
    }
    tail = TailState(
      name: name, path: path, fd: fd, header: header, committedEnd: SegmentHeader.size, nextSeq: firstSeq,
      lastHash: prevHash, lastRecordedAt: lastRecordedAt, rawBytes: 0)
    writeHead()
  }

  /// Writes the batch's frames and trailer after the last commit, syncs, and
  /// only then moves the tail. On any failure the file is cut back to where it was.
  func commit(_ batch: Batch) throws(JournalError) {
    guard let t = tail else { return }
    var batch = batch
    try batch.compressFrames(frameBytes: options.frameBytes, all: true)
    var bytes = batch.compressed
    let trailer = CommitTrailer(
      firstSeq: batch.firstSeq, count: UInt32(batch.count), dataLength: UInt64(bytes.count),
      rawLength: UInt64(batch.rawCount), dataCRC: CRC32C.checksum(bytes), lastRecordedAt: batch.lastRecordedAt,
      lastHash: batch.lastHash)
    bytes.append(contentsOf: trailer.encoded())
    let offset = t.committedEnd
    do throws(JournalError) {
      try writeAll(t.fd, bytes, at: offset, path: t.path)
      try sync(t.fd, path: t.path)
    } catch {
      rollback(t, to: offset)
      throw error
    }
    t.committedEnd = offset + bytes.count
    t.nextSeq = batch.firstSeq + UInt64(batch.count)
    t.lastHash = batch.lastHash
    t.lastRecordedAt = batch.lastRecordedAt
    t.rawBytes += UInt64(batch.rawCount)
    writeHead()
  }

  /// Cuts a failed commit off; if even that fails, the next open sets the tail aside.
  func rollback(_ t: TailState, to offset: Int) {
    if options.io.truncate(t.fd, to: Int64(offset)) == 0 {
      _ = options.io.dataSync(t.fd)
    }
    t.headBytes = []
  }

  func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(JournalError) {
    var done = 0
    var failure: Int32 = 0
    bytes.withUnsafeBytes { buf in
      while done < buf.count {
        let r = options.io.write(fd, UnsafeRawBufferPointer(rebasing: buf[done...]), at: Int64(offset + done))
        if r < 0 {
          failure = Int32(-r)
          return
        }
        if r == 0 {
          failure = EIO
          return
        }
        done += r
      }
    }
    if failure != 0 { throw POSIX.error(failure, "write to", path) }
  }

  func sync(_ fd: Int32, path: String) throws(JournalError) {
    let r = options.io.dataSync(fd)
    if r != 0 { throw POSIX.error(r, "flush to disk", path) }
  }

  /// Rewrites the HEAD hint (no sync: it is only a hint; see HeadRecord).
  func writeHead() {
    guard let t = tail else { return }
    let bytes = t.head.encoded()
    let written = bytes.withUnsafeBytes { pwrite(headFD, $0.baseAddress, $0.count, 0) }
    t.headBytes = written == bytes.count ? bytes : []
  }
}
