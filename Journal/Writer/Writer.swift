import Glibc

/// The one door through which events enter a journal.
///
/// Each ``append(_:)`` is one atomic, durable commit: after a crash at any
/// instant either the whole batch is readable or none of it, and the call
/// returns only once the data (and, when a file was created or renamed, its
/// folder) is on disk. Writers in several processes are serialised by an OS
/// file lock held for one commit at a time.
///
/// ```swift
/// try Writer.create(at: "journal")
/// let writer = try Writer(at: "journal")
/// let done = try writer.append([
///   NewEvent(type: "conseil.plenary-held", occurredOn: "2022-06-14", author: "admin",
///            data: ["title": "Plénière de juin", "participants": 84])
/// ])
/// print(done[0].seq, done[0].hash)
/// ```
public final class Writer {
  public let options: WriterOptions
  let layout: JournalLayout
  let lock: WriterLock
  let headFD: Int32
  var tail: TailState?
  var ids: IdIndex
  /// Every change to files goes through the options' ``FileIO``.
  let disk: Disk
  /// Set when a commit's outcome became unknown (its flush failed): this writer
  /// refuses every later append; a new one, opening the journal, decides.
  var stopped: JournalError?
  /// Uncommitted tails this writer set aside when it opened the journal.
  public internal(set) var recoveryNotes: [RecoveryNote] = []

  /// Creates an empty journal in `path`: a new or empty folder, or one that
  /// holds only what an interrupted `create` left (it is then finished). The
  /// marker file is written last, atomically: a folder without it is no
  /// journal, and a folder with it is a whole one.
  ///
  /// - Parameter io: the file layer (tests inject failures or record the operations).
  /// - Throws: `.alreadyExists` for anything else in the folder; an I/O error if it cannot be written.
  public static func create(at path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    let disk = Disk(io: io)
    let layout = JournalLayout(root: path)
    if POSIX.exists(path) {
      guard POSIX.isDirectory(path) else {
        throw JournalError(
          .alreadyExists, "\(path) exists and is not a folder; choose another place for the journal.", at: .init(file: path))
      }
      let entries = try POSIX.list(path)
      var unfinished = false
      if !entries.isEmpty { unfinished = try layout.isUnfinishedCreation(entries) }
      guard entries.isEmpty || unfinished else {
        throw JournalError(
          .alreadyExists, "The folder \(path) is not empty; a journal must be created in a new or empty folder.",
          at: .init(file: path))
      }
    } else {
      try disk.makeDirectory(path)
      try disk.syncDirectory(parentFolder(of: path))
    }
    for folder in [layout.segments, layout.index, layout.quarantine, layout.cache] { try disk.makeDirectory(folder) }
    try disk.writeAtomically([], to: layout.head, folder: path)
    try disk.writeAtomically([], to: layout.lock, folder: path)
    try disk.writeAtomically(Array(JournalLayout.markerText.utf8), to: layout.marker, folder: path)
    try disk.syncDirectory(path)
  }

  /// Opens the journal at `path` for appending. Recovers from a crash if one
  /// interrupted a commit: the torn tail is set aside (see ``recoveryNotes``),
  /// never turned into committed data. Throws `.damaged` if committed data is.
  public init(at path: String, options: WriterOptions = WriterOptions()) throws(JournalError) {
    let layout = JournalLayout(root: path)
    try layout.checkIsJournal()
    // A file-size limit must surface as an error (EFBIG), not kill the process.
    signal(SIGXFSZ, SIG_IGN)
    self.layout = layout
    self.options = options
    self.disk = Disk(io: options.io)
    self.lock = try WriterLock(path: layout.lock, timeout: options.lockTimeout)
    self.headFD = try disk.open(layout.head, O_RDWR | O_CREAT)
    self.ids = IdIndex(layout: layout, disk: disk)
    try lock.acquire()
    defer { lock.release() }
    try refresh()
  }

  deinit { close(headFD) }

  /// The last committed event: its seq (0 if the journal is empty), hash and recordedAt.
  public var head: (seq: UInt64, hash: ChainHash, recordedAt: Timestamp?) {
    guard let t = tail else { return (0, .zero, nil) }
    return (t.nextSeq - 1, t.lastHash, t.lastRecordedAt)
  }

  /// Appends `events` as one atomic, durable commit and returns, for each,
  /// its seq, id and hash (in order). An event whose `id` is already in the
  /// journal with the same content is not written again: its original seq is
  /// returned with `existed == true`. Throws (and writes nothing) if any event
  /// is invalid, if an `id` is reused with other content, or if the write fails.
  @discardableResult
  public func append(_ events: [NewEvent]) throws(JournalError) -> [Appended] {
    do {
      return try append(events, check: { _ in })
    } catch let error as JournalError {
      throw error
    } catch {
      throw JournalError(.ioFailure, "Unexpected failure: \(error).")
    }
  }

  /// Appends like ``append(_:)``, but first calls `check` under the writer
  /// lock, once the journal's head is known and seqs are assigned, so the
  /// caller can validate the batch against the journal exactly as it will be
  /// (no other writer can commit in between). If `check` throws, nothing is
  /// written and its error is rethrown. `envelopesChecked`: the caller already
  /// ran ``EnvelopeRules/check(_:)`` on every event (not checked twice).
  /// `committed` is called once the commit is durable, still under the lock
  /// (a client updates its own indexes there, in commit order); it cannot fail
  /// the append.
  @discardableResult
  public func append(
    _ events: [NewEvent], envelopesChecked: Bool = false, check: (BatchPreview) throws -> Void,
    committed: () -> Void = {}
  ) throws -> [Appended] {
    guard !events.isEmpty else { return [] }
    if !envelopesChecked { try Writer.checkEnvelopes(events) }
    try checkNotStopped()
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    let batch = try prepare(events)
    try check(BatchPreview(headSeq: batch.firstSeq - 1, headHash: tail?.lastHash ?? .zero, results: batch.results))
    guard batch.count > 0 else { return batch.results }
    try ensureSegment(forRawBytes: batch.rawCount)
    try commit(batch)
    ids.didAppend(batch.newIDs, tail: tail)
    committed()
    return batch.results
  }

  /// What ``append(_:)`` would do with `events` — their seqs, ids already in
  /// the journal, the recordedAt rules — checked under the lock against the
  /// current head, without encoding or writing anything (hashes are not
  /// computed: they are `.zero`). Throws what `append` would throw.
  public func preview(_ events: [NewEvent], envelopesChecked: Bool = false, check: (BatchPreview) throws -> Void) throws {
    guard !events.isEmpty else { return }
    if !envelopesChecked { try Writer.checkEnvelopes(events) }
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    let batch = try prepare(events, encode: false)
    try check(BatchPreview(headSeq: batch.firstSeq - 1, headHash: tail?.lastHash ?? .zero, results: batch.results))
  }

  /// Seals the last segment now: rewrites it into large frames (verified, then
  /// swapped in atomically) and starts the next commit in a new segment.
  public func seal() throws(JournalError) {
    try checkNotStopped()
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    try sealTail()
  }

  /// The envelope rules for each event; errors carry the event's place in the batch.
  static func checkEnvelopes(_ events: [NewEvent]) throws(JournalError) {
    for i in events.indices {
      do {
        try EnvelopeRules.check(events[i])
      } catch {
        var e = error
        if events.count > 1 { e.location = e.location ?? JournalError.Location() }
        if events.count > 1 { e.location?.line = i + 1 }
        throw e
      }
    }
  }

  /// Refuses to go on after a commit whose outcome is unknown.
  func checkNotStopped() throws(JournalError) {
    guard let stopped else { return }
    throw JournalError(
      .ioFailure,
      "This writer stopped after a commit it could not flush to disk (\(stopped.message)); open the journal again, which decides that commit's fate, then retry.",
      at: stopped.location, cause: stopped)
  }

  static func parentFolder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }
}
