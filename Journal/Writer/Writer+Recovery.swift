import Glibc

extension Writer {
  /// Finds where the journal ends, under the lock. Fast when nothing changed
  /// since this writer's last commit; else reads HEAD and the last trailer;
  /// else scans the last segment, sets aside what was never acknowledged (a
  /// torn tail, a last commit that fails its checks and HEAD does not claim),
  /// flushes whole commits HEAD does not claim before counting them, and
  /// refuses to go on if acknowledged data is damaged.
  func refresh() throws(JournalError) {
    let headBytes = try POSIX.read(headFD, at: 0, count: HeadRecord.size, layout.head)
    if let t = tail, !t.headBytes.isEmpty, t.headBytes == headBytes,
      try POSIX.size(t.fd, t.path) == Int64(t.committedEnd)
    {
      return
    }
    tail = nil
    let head = HeadRecord.decode(headBytes)
    let names = try layout.segmentNames()
    for leftover in try POSIX.list(layout.segments)
    where leftover.hasSuffix(".new") || leftover.hasSuffix(".seal") || leftover.hasSuffix(".staging") {
      disk.unlink(layout.segmentPath(leftover))
    }
    guard let name = names.last, let firstSeq = JournalLayout.firstSeq(ofSegment: name) else {
      if let head, head.lastSeq > 0 {
        throw JournalError(
          .damaged,
          "HEAD says the journal holds \(head.lastSeq) events but its segments folder is empty: restore the journal from a backup.",
          at: .init(file: layout.head))
      }
      return
    }
    if let head, head.segmentFirstSeq > firstSeq {
      throw JournalError(
        .damaged,
        "HEAD points to a segment starting at seq \(head.segmentFirstSeq) that is missing (the last one is \(name)): restore the journal from a backup.",
        at: .init(file: layout.head, seq: head.segmentFirstSeq))
    }
    let path = layout.segmentPath(name)
    let fd = try disk.open(path, O_RDWR)
    let size = try POSIX.size(fd, path)
    if let head, head.segmentFirstSeq == firstSeq, let t = try fastTail(fd: fd, name: name, size: size, head: head) {
      tail = t
      t.headBytes = headBytes
      return
    }
    let bytes = try POSIX.read(fd, at: 0, count: Int(size), path)
    let map: SegmentMap
    do {
      map = try SegmentMap.scan(bytes, file: name)
    } catch {
      close(fd)
      throw error
    }
    // HEAD is written only once a commit's flush returned: what it does not
    // claim was never acknowledged.
    let acknowledgedEnd = head.map { $0.segmentFirstSeq == firstSeq ? Int($0.committedEnd) : SegmentHeader.size } ?? SegmentHeader.size
    switch map.ending {
    case .clean: break
    case .damaged(let offset, let seq, let why):
      close(fd)
      throw Writer.damage(name, offset, seq, why)
    case .uncommittedTail(let offset, let length), .unverifiedLastCommit(let offset, let length, _, _):
      if head != nil, acknowledgedEnd > offset {
        close(fd)
        throw Writer.damage(name, offset, map.nextSeq, "an acknowledged commit that no longer passes its checks")
      }
      let kept = try setAside(bytes[offset...], of: name, at: offset, fd: fd, path: path)
      recoveryNotes.append(RecoveryNote(segment: name, offset: offset, length: length, keptAt: kept))
    }
    if map.committedEnd > acknowledgedEnd {
      // Whole commits HEAD does not claim: written, but perhaps never acknowledged
      // (a flush that failed, a crash before HEAD was rewritten). They count from
      // now on only once flushed by this opener, so that a commit reported as
      // failed can become durable once, and never disappear after that.
      do throws(JournalError) {
        try disk.sync(fd, path: path)
      } catch {
        close(fd)
        throw error
      }
    }
    let t = TailState(
      name: name, path: path, fd: fd, header: map.header, committedEnd: map.committedEnd, nextSeq: map.nextSeq,
      lastHash: map.lastHash, lastRecordedAt: map.lastRecordedAt, rawBytes: map.rawBytes)
    if t.lastRecordedAt == nil, names.count > 1 {
      t.lastRecordedAt = try previousRecordedAt(names[names.count - 2])
    }
    tail = t
    writeHead()
  }

  static func damage(_ name: String, _ offset: Int, _ seq: UInt64, _ why: String) -> JournalError {
    JournalError(
      .damaged,
      "Segment \(name) is damaged at byte offset \(offset) (around seq \(seq)): \(why). Nothing was written; restore this segment from a backup.",
      at: .init(file: name, offset: Int64(offset), seq: seq))
  }

  /// HEAD agrees with the file: check the last trailer and its commit's CRC only.
  func fastTail(fd: Int32, name: String, size: Int64, head: HeadRecord) throws(JournalError) -> TailState? {
    let path = layout.segmentPath(name)
    guard head.committedEnd == UInt64(size), size >= Int64(SegmentHeader.size + CommitTrailer.size) else { return nil }
    let headerBytes = try POSIX.read(fd, at: 0, count: SegmentHeader.size, path)
    guard let header = try? SegmentHeader.decode(headerBytes[...], file: name), header.sealed == head.sealed else { return nil }
    let trailerBytes = try POSIX.read(fd, at: size - Int64(CommitTrailer.size), count: CommitTrailer.size, path)
    guard let trailer = CommitTrailer.decode(trailerBytes[...]), trailer.lastSeq == head.lastSeq,
      trailer.lastHash == head.lastHash, Int64(trailer.dataLength) <= size - Int64(SegmentHeader.size + CommitTrailer.size)
    else { return nil }
    // The commit's data CRC, read a few MiB at a time (a large import's commit is never held whole).
    var at = size - Int64(CommitTrailer.size) - Int64(trailer.dataLength)
    let end = size - Int64(CommitTrailer.size)
    var crc: UInt32 = 0
    while at < end {
      let chunk = try POSIX.read(fd, at: at, count: Int(min(end - at, 4 << 20)), path)
      guard !chunk.isEmpty else { return nil }
      crc = CRC32C.checksum(chunk, seed: crc)
      at += Int64(chunk.count)
    }
    guard crc == trailer.dataCRC else { return nil }
    return TailState(
      name: name, path: path, fd: fd, header: header, committedEnd: Int(size), nextSeq: trailer.lastSeq + 1,
      lastHash: trailer.lastHash, lastRecordedAt: trailer.lastRecordedAt, rawBytes: head.rawBytes)
  }

  /// Copies an uncommitted tail to `quarantine/<segment>.<offset>[.n].uncommitted`
  /// (a name never used before: nothing set aside is ever overwritten), synced
  /// with its folder, then cuts it off. Returns where it was kept.
  func setAside(_ bytes: ArraySlice<UInt8>, of name: String, at offset: Int, fd: Int32, path: String) throws(JournalError) -> String {
    do throws(JournalError) {
      try disk.makeDirectory(layout.quarantine)
      let kept = try disk.writeNew(Array(bytes), folder: layout.quarantine, base: "\(name).\(offset)", suffix: ".uncommitted")
      try disk.truncate(fd, to: offset, path: path)
      try disk.sync(fd, path: path)
      return "quarantine/" + kept
    } catch {
      close(fd)
      throw error
    }
  }

  /// The last recordedAt of a full segment (for a fresh segment holding no commit yet).
  func previousRecordedAt(_ name: String) throws(JournalError) -> Timestamp? {
    let path = layout.segmentPath(name)
    let fd = try POSIX.open(path, O_RDONLY)
    defer { close(fd) }
    let size = try POSIX.size(fd, path)
    guard size >= Int64(CommitTrailer.size) else { return nil }
    let bytes = try POSIX.read(fd, at: size - Int64(CommitTrailer.size), count: CommitTrailer.size, path)
    return CommitTrailer.decode(bytes[...])?.lastRecordedAt
  }
}
