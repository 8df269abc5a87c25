import Dispatch
import Synchronization

extension Writer {
  /// Appends `batches` as consecutive commits, each exactly as ``append(_:)``
  /// makes one — atomic, durable, acknowledged only once its flush returned —
  /// on two cores: while one batch is chained (SHA-256 of each line),
  /// compressed, written and flushed on a second thread, the next one is
  /// checked, numbered and encoded on this one. Holds the writer lock for the
  /// whole call.
  ///
  /// `acknowledged(index, results)` is called in order for each batch, once
  /// its commit is durable. If a batch is refused or its write fails, every
  /// batch acknowledged before it stays committed, nothing of it or after it
  /// is written, and the error is thrown (an error's line is the event's place
  /// in its batch). Returns the number of batches acknowledged.
  ///
  /// ```swift
  /// let writer = try Writer(at: "journal")
  /// try writer.append(batches: [firstThousand, nextThousand]) { index, results in
  ///   print("batch \(index) durable up to seq \(results.last!.seq)")
  /// }
  /// ```
  @discardableResult
  public func append(
    batches: some Sequence<[NewEvent]>, acknowledged: (_ index: Int, _ results: [Appended]) -> Void = { _, _ in }
  ) throws(JournalError) -> Int {
    try checkNotStopped()
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    var state = startState()
    var flight: Flight? = nil
    var done = 0
    // The seqs and hashes of the batch landed last: a batch after it may name its events (an id met again).
    var landed: (first: UInt64, hashes: [ChainHash]) = (0, [])
    // Events met again from the batch landed last were given `.zero` for a hash (it was not chained yet).
    func withHashes(_ results: [Appended]) -> [Appended] {
      var results = results
      let before = landed.first..<(landed.first + UInt64(landed.hashes.count))
      for k in results.indices where results[k].existed && before.contains(results[k].seq) {
        results[k].hash = landed.hashes[Int(results[k].seq - landed.first)]
      }
      return results
    }
    // Waits for the batch in flight, makes it visible (tail, HEAD, ids) and acknowledges it.
    func land() throws(JournalError) {
      guard let f = flight else { return }
      flight = nil
      f.signal.wait()
      guard let written = f.result.withLock({ $0.take() }), let t = tail else {
        throw JournalError(.ioFailure, "A pipelined commit ended without a result.")
      }
      try finish(written, in: t, at: f.offset)
      ids.didAppend(written.batch.newIDs, tail: tail)
      let results = withHashes(written.batch.results)
      landed = (written.batch.firstSeq, written.hashes)
      acknowledged(f.index, results)
      done += 1
    }
    var index = 0
    for events in batches {
      defer { index += 1 }
      let batch: Batch
      do {
        try Writer.checkEnvelopes(events)
        state.placed = 0
        state.given = UUIDMap(minimumCapacity: events.count)
        state.now = options.clock()
        batch = try prepare(
          events, encode: true, state: &state, placeAll: events.count > 1, pending: flight?.pending, deferChain: true)
      } catch {
        // The batch before stays whole: it lands (or fails) first.
        try land()
        throw error
      }
      try land()
      guard batch.count > 0 else {
        acknowledged(index, withHashes(batch.results))
        done += 1
        continue
      }
      try ensureSegment(forRawBytes: batch.rawCount)
      guard let t = tail else { throw JournalError(.ioFailure, "The journal has no last segment to append to.") }
      loadFrameIndex(t)
      flight = Flight.launch(
        batch, after: t.lastHash, index: index, offset: t.committedEnd, pending: PendingBatch(given: state.given, events: events),
        frameBytes: options.frameBytes, disk: disk, fd: t.fd, path: t.path)
    }
    try land()
    return done
  }
}

/// A batch being compressed, written and flushed on another thread.
struct Flight {
  let index: Int
  let offset: Int
  let pending: PendingBatch
  let signal: DispatchSemaphore
  let result: Box

  final class Box: Sendable {
    let slot = Mutex<Writer.Written?>(nil)
    func withLock<R>(_ body: (inout Writer.Written?) -> R) -> R { slot.withLock { body(&$0) } }
  }

  static func launch(
    _ batch: Batch, after prev: ChainHash, index: Int, offset: Int, pending: PendingBatch, frameBytes: Int, disk: Disk,
    fd: Int32, path: String
  ) -> Flight {
    let signal = DispatchSemaphore(value: 0)
    let box = Box()
    DispatchQueue.global(qos: .userInitiated).async {
      let written = Writer.writeDurably(batch, after: prev, frameBytes: frameBytes, disk: disk, fd: fd, path: path, at: offset)
      box.withLock { $0 = written }
      signal.signal()
    }
    return Flight(index: index, offset: offset, pending: pending, signal: signal, result: box)
  }
}
