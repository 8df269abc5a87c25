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
    disk.unlink(temporary)
    let header = SegmentHeader(sealed: false, firstSeq: firstSeq, prevHash: prevHash)
    let fd = try disk.open(temporary, O_RDWR | O_CREAT | O_EXCL)
    do throws(JournalError) {
      try disk.writeAll(fd, header.encoded(), at: 0, path: temporary)
      try disk.sync(fd, path: temporary)
      try disk.rename(temporary, path)
      try disk.syncDirectory(layout.segments)
    } catch {
      close(fd)
      disk.unlink(temporary)
      throw error
    }
    tail = TailState(
      name: name, path: path, fd: fd, header: header, committedEnd: SegmentHeader.size, nextSeq: firstSeq,
      lastHash: prevHash, lastRecordedAt: lastRecordedAt, rawBytes: 0)
    ids.didCreate(name, firstSeq: firstSeq)
    writeHead()
  }

  /// Writes the batch's frames and trailer after the last commit, syncs, and
  /// only then moves the tail (and HEAD, which thus names acknowledged commits
  /// only). A failed write leaves no commit (its trailer is never whole): the
  /// file is cut back. A failed flush leaves the outcome unknown — the page
  /// cache cannot be trusted after it — so it is reported as such, the batch
  /// is set aside in `quarantine/` to be re-imported safely, and this writer
  /// stops; the next one to open the journal decides (see the Format article,
  /// "Recovery rule").
  func commit(_ batch: Batch) throws(JournalError) {
    guard let t = tail else { return }
    loadFrameIndex(t)
    let offset = t.committedEnd
    let written = Writer.writeDurably(batch, frameBytes: options.frameBytes, disk: disk, fd: t.fd, path: t.path, at: offset)
    try finish(written, in: t, at: offset)
  }

  /// Under the lock, before a commit is written: a frame index side file
  /// that was missing or behind (a crash before it was saved) is saved now.
  func loadFrameIndex(_ t: TailState) {
    guard t.frames == nil else { return }
    t.frames = try? FrameIndex.current(layout: layout, name: t.name, fd: t.fd, savingWith: disk)
    t.framesSaved = t.frames?.frames.count ?? 0
    t.rawSaved = t.frames?.rawBytes ?? 0
  }

  /// A batch as it went to disk: its frames, trailer and how the write ended.
  struct Written: Sendable {
    var batch: Batch
    var trailer: CommitTrailer?
    /// The bytes written: the frames then the trailer.
    var length = 0
    var failure: Failure? = nil
    /// The hash of each new event, when the batch was chained here (see ``Batch/chain(after:)``).
    var hashes: [ChainHash] = []

    enum Failure: Sendable {
      /// Compressing failed: nothing was written.
      case notWritten(JournalError)
      case write(JournalError)
      case flush(JournalError)
    }
  }

  /// The part of a commit that touches no writer state (so it may run on
  /// another thread): chains a batch encoded without its hashes (after
  /// `prev`, the hash of the journal's last event), compresses the rest of
  /// its lines, adds the trailer, writes them at `offset` and flushes them to disk.
  static func writeDurably(
    _ batch: Batch, after prev: ChainHash = .zero, frameBytes: Int, disk: Disk, fd: Int32, path: String, at offset: Int
  ) -> Written {
    var batch = batch
    let hashes = batch.chain(after: prev)
    do {
      try batch.compressFrames(frameBytes: frameBytes, all: true)
    } catch {
      return Written(batch: batch, failure: .notWritten(error))
    }
    var bytes = batch.compressed
    let trailer = CommitTrailer(
      firstSeq: batch.firstSeq, count: UInt32(batch.count), dataLength: UInt64(bytes.count),
      rawLength: UInt64(batch.rawCount), dataCRC: CRC32C.checksum(bytes), lastRecordedAt: batch.lastRecordedAt,
      lastHash: batch.lastHash)
    bytes.append(contentsOf: trailer.encoded())
    var written = Written(batch: batch, trailer: trailer, length: bytes.count, hashes: hashes)
    do throws(JournalError) {
      try disk.writeAll(fd, bytes, at: offset, path: path)
    } catch {
      written.failure = .write(error)
      return written
    }
    do throws(JournalError) {
      try disk.sync(fd, path: path)
    } catch {
      written.failure = .flush(error)
    }
    return written
  }

  /// After ``writeDurably(_:frameBytes:disk:fd:path:at:)``, on the writer's
  /// thread: a durable commit moves the tail and HEAD; a failed one is cut
  /// back (and, when its flush failed, set aside and this writer stopped).
  func finish(_ written: Written, in t: TailState, at offset: Int) throws(JournalError) {
    let batch = written.batch
    switch written.failure {
    case .notWritten(let error)?:
      throw error
    case .write(let error)?:
      if !rollback(t, to: offset) { stopped = error }
      throw error
    case .flush(let error)?:
      _ = rollback(t, to: offset)
      let unknown = unknownOutcome(of: batch, flush: error)
      stopped = unknown
      throw unknown
    case nil:
      break
    }
    t.committedEnd = offset + written.length
    t.nextSeq = batch.firstSeq + UInt64(batch.count)
    t.lastHash = batch.lastHash
    t.lastRecordedAt = batch.lastRecordedAt
    t.rawBytes += UInt64(batch.rawCount)
    writeHead()
    if let trailer = written.trailer { updateFrameIndex(t, commitAt: offset, frames: batch.frameInfo, trailer: trailer) }
  }

  /// Adds a durable commit's frames to the tail's frame index, and saves it
  /// (best effort: a hint) once enough frames were added since the last save.
  func updateFrameIndex(_ t: TailState, commitAt offset: Int, frames: [(length: Int, lines: Int)], trailer: CommitTrailer) {
    guard var index = t.frames, index.end == offset else {
      t.frames = nil
      return
    }
    index.appendCommit(at: offset, frames: frames, trailer: trailer)
    t.frames = index
    // Readers scan what the side file lacks: at most about a frame of lines, or a few small commits.
    if index.frames.count - t.framesSaved >= FrameIndex.rewriteAfter || index.rawBytes - t.rawSaved >= UInt64(options.frameBytes) {
      saveFrameIndex(t)
    }
  }

  /// Writes the tail's frame index, and its ids so far (`withIDs`), to their side files (best effort).
  func saveFrameIndex(_ t: TailState, withIDs: Bool = true) {
    guard let index = t.frames, index.frames.count != t.framesSaved || !POSIX.exists(FrameIndex.path(layout, t.name)) else { return }
    if (try? CacheFile.write(index.encoded(), to: FrameIndex.path(layout, t.name), disk: disk)) != nil {
      t.framesSaved = index.frames.count
      t.rawSaved = index.rawBytes
    }
    if withIDs { ids.saveRecent(t) }
  }

  /// Cuts a failed commit off (best effort); false if that failed too (the
  /// writer then stops: the file is not as it thinks; the next open sets the
  /// bytes aside).
  func rollback(_ t: TailState, to offset: Int) -> Bool {
    t.headBytes = []
    return options.io.truncate(t.fd, to: Int64(offset)) == 0 && options.io.dataSync(t.fd) == 0
  }

  /// The error of a commit whose flush failed: it may or may not be durable.
  /// Its lines, with the ids drawn for them, are kept in `quarantine/` (best
  /// effort) so that they can be imported again: those already committed are
  /// then found by their id and not appended twice.
  func unknownOutcome(of batch: Batch, flush: JournalError) -> JournalError {
    let ids = batch.results.map(\.id)
    let seqs = batch.firstSeq..<(batch.firstSeq + UInt64(batch.count))
    var kept: String? = nil
    if let lines = try? SegmentMap.lines(ofFrames: batch.compressed, count: batch.count) {
      kept = try? disk.writeNew(
        UnknownOutcome.retryLines(lines), folder: layout.quarantine, base: "unconfirmed-\(batch.firstSeq)", suffix: ".jsonl")
    }
    let outcome = UnknownOutcome(ids: ids, seqs: seqs, retryFile: kept.map { layout.quarantine + "/" + $0 }, flush: flush)
    return JournalError(
      .outcomeUnknown,
      "Could not flush the commit of seq \(seqs.lowerBound)…\(seqs.upperBound - 1) to disk (\(flush.message)): it may or may not be durable.",
      at: .init(file: flush.location?.file, seq: seqs.lowerBound), cause: outcome)
  }

  /// Rewrites the HEAD hint (no sync: it is only a hint; see HeadRecord).
  func writeHead() {
    guard let t = tail else { return }
    let bytes = t.head.encoded()
    let written = (try? disk.writeAll(headFD, bytes, at: 0, path: layout.head)) != nil
    t.headBytes = written ? bytes : []
  }
}
