extension Writer {
  /// Runs `body` holding the writer's lock, the journal's head refreshed: a
  /// client's own indexes are written there, in the order of commits.
  /// - Throws: `.locked` if another writer holds the lock too long; what `body` throws.
  public func whileLocked<T>(_ body: () throws -> T) throws -> T {
    try checkNotStopped()
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    return try body()
  }

  /// Makes the frame index of every segment again from the segment itself
  /// (not trusting its side file), under the lock, and saves it; returns the
  /// number of frames indexed. Readers then read every segment a frame at a
  /// time; a segment that does not end with a whole commit gets none.
  /// - Throws: what reading the segments throws.
  @discardableResult
  public func reindex() throws(JournalError) -> Int {
    try checkNotStopped()
    try lock.acquire()
    defer { lock.release() }
    try refresh()
    var frames = 0
    for name in try layout.segmentNames() {
      disk.unlink(FrameIndex.path(layout, name))
      let index = try FrameIndex.current(layout: layout, handle: SegmentHandle(layout: layout, name: name), savingWith: disk)
      frames += index?.frames.count ?? 0
    }
    tail?.frames = nil
    tail?.framesSaved = 0
    return frames
  }
}
