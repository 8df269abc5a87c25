import Dispatch
import Glibc

/// What a streamed commit did.
public struct StreamSummary: Sendable, Equatable {
  /// Events given.
  public var events = 0
  /// Of them, those already in the journal (same id and content) or given twice.
  public var alreadyPresent = 0
  /// The seqs of the new events, if any.
  public var seqs: ClosedRange<UInt64>? = nil
  /// The journal's head hash afterwards.
  public var headHash: ChainHash = .zero
  /// Whether the events were written (false for a trial, or when none was new).
  public var committed = false
}

/// The events of a streamed commit already staged, read back by seq, for
/// the checks of the parts that follow (a correction of an event given
/// earlier in the same file).
public final class StagedEvents {
  let fd: Int32
  let path: String
  var frames: [FrameIndex.Frame] = []

  init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  /// The staged event at `seq`, or nil if none was staged with it.
  public func record(seq: UInt64) throws(JournalError) -> Record? {
    guard let place = FrameIndex.position(of: seq, in: frames) else { return nil }
    let frame = frames[place]
    let bytes = try POSIX.read(fd, at: Int64(frame.offset), count: frame.length, path)
    var raw: [UInt8] = []
    try LZ4Frame.decompress(bytes[...], into: &raw)
    var start = 0
    var current = frame.firstSeq
    var context = RecordDecoder.Context()
    for i in raw.indices where raw[i] == 0x0A {
      if current == seq { return try RecordDecoder.decode(raw[start..<i], context: &context).detached() }
      current += 1
      start = i + 1
    }
    return nil
  }
}

extension Writer {
  /// Appends the events `next` gives, part after part, as ONE commit —
  /// without holding them all: each part is numbered, chained, encoded and
  /// compressed, staged in `segments/<first seq>.lz4.staging`, and handed to
  /// `check` with what the journal would make of it (seqs, ids already
  /// there) and the events staged so far. Once `next` returns nil and
  /// `finish` passed, the staged file gets its trailer, is synced, and is
  /// renamed to its segment's name (the folder synced): the commit becomes
  /// durable and visible at once, in a segment of its own (the last one is
  /// closed first if it holds events). Until then nothing is visible; a
  /// crash leaves a `.staging` file that no reader opens and the next writer
  /// removes (see the Format article, "Recovery rule"). The writer's lock is
  /// held throughout.
  ///
  /// - Parameters:
  ///   - trial: check everything and write nothing (the staging file is removed).
  ///   - next: the next part (nil at the end); what it throws is rethrown, nothing written.
  ///   - check: called with each part, under the lock; what it throws is rethrown, nothing written.
  ///   - finish: called after the last part, before anything is made visible.
  ///   - committed: called once the commit is durable, still under the lock.
  /// - Throws: what `append` throws, naming an event by its place in the whole stream.
  public func appendStream(
    envelopesChecked: Bool = false, trial: Bool = false, next: () throws -> [NewEvent]?,
    check: (BatchPreview, StagedEvents) throws -> Void, finish: () throws -> Void, committed: () -> Void = {}
  ) throws -> StreamSummary {
    try checkNotStopped()
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    var state = startState()
    state.digests = true
    let firstSeq = state.seq
    let header = SegmentHeader(sealed: false, firstSeq: firstSeq, prevHash: state.prev)
    let name = JournalLayout.segmentName(firstSeq: firstSeq)
    let path = layout.segmentPath(name)
    let staging = path + ".staging"
    disk.unlink(staging)
    let fd = try disk.open(staging, O_RDWR | O_CREAT | O_EXCL)
    var placed = false
    defer {
      if !placed {
        close(fd)
        disk.unlink(staging)
      }
    }
    try disk.writeAll(fd, header.encoded(), at: 0, path: staging)
    let staged = StagedEvents(fd: fd, path: staging)
    var offset = SegmentHeader.size
    var crc: UInt32 = 0
    var raw: UInt64 = 0
    var count = 0
    var newIDs: [(key: UUIDKey, seq: UInt64)] = []
    var summary = StreamSummary()
    while let events = try next() {
      guard !events.isEmpty else { continue }
      if !envelopesChecked { try Writer.checkEnvelopes(events) }
      let before = (seq: state.seq - 1, hash: state.prev)
      var batch = try prepare(events, encode: true, state: &state, placeAll: true)
      try batch.compressFrames(frameBytes: options.frameBytes, all: true)
      if !batch.compressed.isEmpty {
        try disk.writeAll(fd, batch.compressed, at: offset, path: staging)
        crc = CRC32C.checksum(batch.compressed, seed: crc)
        var seq = batch.firstSeq
        for f in batch.frameInfo {
          staged.frames.append(FrameIndex.Frame(offset: offset, length: f.length, firstSeq: seq, lines: f.lines, endsCommit: false))
          offset += f.length
          seq += UInt64(f.lines)
        }
      }
      raw += UInt64(batch.rawCount)
      count += batch.count
      newIDs += batch.newIDs
      summary.events += events.count
      summary.alreadyPresent += events.count - batch.count
      try check(BatchPreview(headSeq: before.seq, headHash: before.hash, results: batch.results), staged)
    }
    try finish()
    summary.headHash = tail?.lastHash ?? .zero
    guard count > 0 else { return summary }
    summary.seqs = firstSeq...(state.seq - 1)
    summary.headHash = state.prev
    guard !trial else { return summary }
    guard count <= Int(UInt32.max) else {
      throw JournalError(.invalidInput, "A commit holds at most \(UInt32.max) events; split the file.")
    }
    let trailer = CommitTrailer(
      firstSeq: firstSeq, count: UInt32(count), dataLength: UInt64(offset - SegmentHeader.size), rawLength: raw, dataCRC: crc,
      lastRecordedAt: state.last, lastHash: state.prev)
    try disk.writeAll(fd, trailer.encoded(), at: offset, path: staging)
    try disk.sync(fd, path: staging)
    // Its own segment: the last one is closed first if it holds events (an empty one is replaced).
    if let t = tail, t.nextSeq > t.header.firstSeq { try closeTail() }
    try disk.rename(staging, path)
    placed = true
    do throws(JournalError) {
      try disk.syncDirectory(layout.segments)
    } catch {
      // Renamed, but the rename may not survive a power cut: its outcome is unknown; this writer stops.
      close(fd)
      let unknown = JournalError(
        .outcomeUnknown,
        "Could not flush the folder of segment \(name) after placing the commit of seq \(firstSeq)…\(state.seq - 1) (\(error.message)): it may or may not be durable.",
        at: .init(file: name, seq: firstSeq), cause: error)
      tail = nil
      stopped = unknown
      throw unknown
    }
    let t = TailState(
      name: name, path: path, fd: fd, header: header, committedEnd: offset + CommitTrailer.size, nextSeq: state.seq,
      lastHash: state.prev, lastRecordedAt: state.last, rawBytes: raw)
    tail = t
    writeHead()
    summary.committed = true
    var index = FrameIndex(emptyAfter: header)
    index.appendCommit(at: SegmentHeader.size, frames: staged.frames.map { ($0.length, $0.lines) }, trailer: trailer)
    t.frames = index
    saveFrameIndex(t, withIDs: false)
    // The ids' side file (sorted, then written) and the caller's own indexes (`committed`) at once, on two cores:
    // neither touches the other's state.
    nonisolated(unsafe) let idIndex = ids
    nonisolated(unsafe) var stagedIDs = newIDs
    newIDs = []
    let written = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      idIndex.didStage(name, firstSeq: firstSeq, ids: &stagedIDs)
      written.signal()
    }
    committed()
    written.wait()
    return summary
  }
}
