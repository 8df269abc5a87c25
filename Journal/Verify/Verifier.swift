import Glibc

/// The full check of a journal: every segment header, every commit trailer
/// and its CRC, every LZ4 block and content checksum, every line's canonical
/// form, seq continuity, `recordedAt` order, and the whole hash chain.
///
/// ```swift
/// let report = try Verifier.verify(at: "journal")
/// if let damage = report.damage { print(damage.message) }  // names segment, offset, seq
/// ```
public enum Verifier {
  public static func verify(at path: String) throws(JournalError) -> VerificationReport {
    let layout = JournalLayout(root: path)
    try layout.checkIsJournal()
    var report = VerificationReport()
    var audit = try CheckpointAudit(layout: layout)
    do {
      try check(layout, &report, &audit)
      if let audit { try audit.finish(head: report.headSeq, into: &report) }
    } catch {
      guard error.code == .damaged || error.code == .unsupportedFormat || error.code == .verificationFailed else { throw error }
      report.damage = error
    }
    return report
  }

  static func check(_ layout: JournalLayout, _ report: inout VerificationReport, _ audit: inout CheckpointAudit?) throws(JournalError) {
    let names = try layout.segmentNames()
    var prev = ChainHash.zero
    var seq: UInt64 = 1
    var lastAt = Timestamp(millisecondsSince1970: Int64.min)
    for (index, name) in names.enumerated() {
      // Frame by frame when the segment holds whole commits to its end (memory bounded by a frame);
      // else read whole, to say exactly where and how it is damaged or torn.
      let handle = try SegmentHandle(layout: layout, name: name)
      if let sealed = try checkFrameByFrame(handle, &report, &audit, seq: &seq, prev: &prev, lastAt: &lastAt) {
        if sealed, !sideFileIsCurrent(layout, name) { report.staleSideFiles.append("index/\(name).ids") }
        continue
      }
      let (bytes, map) = try SegmentFile.map(layout: layout, name: name)
      report.segments += 1
      report.bytesOnDisk += Int64(bytes.count)
      guard map.header.firstSeq == seq, map.header.prevHash == prev else {
        throw JournalError(
          .damaged, "Segment \(name) should start at seq \(seq) after hash \(prev), but its header says seq \(map.header.firstSeq).",
          at: .init(file: name, offset: 0, seq: seq))
      }
      var context = RecordDecoder.Context()
      for commit in map.commits {
        var raw: [UInt8] = []
        try SegmentMap.content(of: commit, in: bytes, file: name, into: &raw)
        var start = 0
        for i in raw.indices where raw[i] == 0x0A {
          try checkLine(raw[start..<i], name, Int64(commit.dataStart), &context, &audit, seq: &seq, prev: &prev, lastAt: &lastAt)
          start = i + 1
        }
        guard commit.trailer.lastHash == prev, commit.trailer.lastRecordedAt == lastAt else {
          throw JournalError(
            .damaged, "The commit ending at seq \(seq - 1) (segment \(name)) has a trailer that disagrees with its events.",
            at: .init(file: name, offset: Int64(commit.trailerStart), seq: seq - 1))
        }
        report.commits += 1
        report.rawBytes += commit.trailer.rawLength
        // Found intact so far: what a damaged journal's report still tells.
        report.events = seq - 1
        report.headSeq = seq - 1
        report.headHash = prev
      }
      switch map.ending {
      case .clean: break
      case .damaged(let offset, let s, let why): throw Writer.damage(name, offset, s, why)
      case .uncommittedTail(let offset, let length), .unverifiedLastCommit(let offset, let length, _, _):
        let claimed = HeadRecord.claims(layout: layout, segmentFirstSeq: map.header.firstSeq, offset: offset)
        if index < names.count - 1 || claimed {
          throw Writer.damage(name, offset, seq, "an acknowledged commit that no longer passes its checks")
        }
        report.uncommittedTail = (name, offset, length)
      }
      if map.header.sealed, !sideFileIsCurrent(layout, name) { report.staleSideFiles.append("index/\(name).ids") }
    }
  }

  /// Checks segment `name` reading one frame at a time, after a scan from
  /// its header (not its frame index) found whole commits to its end, every
  /// data CRC and line count matching: whether it is sealed. Nil (nothing
  /// checked) otherwise.
  static func checkFrameByFrame(
    _ handle: SegmentHandle, _ report: inout VerificationReport, _ audit: inout CheckpointAudit?, seq: inout UInt64,
    prev: inout ChainHash, lastAt: inout Timestamp
  ) throws(JournalError) -> Bool? {
    let name = handle.name
    let size = Int(try POSIX.size(handle.fd, handle.path))
    guard size >= SegmentHeader.size else { return nil }
    let header = try SegmentHeader.decode(try POSIX.read(handle.fd, at: 0, count: SegmentHeader.size, handle.path)[...], file: name)
    var index = FrameIndex(emptyAfter: header)
    guard try index.scan(fd: handle.fd, path: handle.path, size: size) else { return nil }
    report.segments += 1
    report.bytesOnDisk += Int64(size)
    guard header.firstSeq == seq, header.prevHash == prev else {
      throw JournalError(
        .damaged, "Segment \(name) should start at seq \(seq) after hash \(prev), but its header says seq \(header.firstSeq).",
        at: .init(file: name, offset: 0, seq: seq))
    }
    var context = RecordDecoder.Context()
    var raw: [UInt8] = []
    for frame in index.frames {
      let (bytes, read) = try handle.read(frame)
      let count = try LZ4Frame.decompress(bytes, over: &raw)
      var start = 0
      for i in 0..<count where raw[i] == 0x0A {
        try checkLine(raw[start..<i], name, Int64(frame.offset), &context, &audit, seq: &seq, prev: &prev, lastAt: &lastAt)
        start = i + 1
      }
      guard frame.endsCommit else { continue }
      guard let trailer = read, trailer.lastHash == prev, trailer.lastRecordedAt == lastAt
      else {
        throw JournalError(
          .damaged, "The commit ending at seq \(seq - 1) (segment \(name)) has a trailer that disagrees with its events.",
          at: .init(file: name, offset: Int64(frame.offset + frame.length), seq: seq - 1))
      }
      report.commits += 1
      report.rawBytes += trailer.rawLength
      report.events = seq - 1
      report.headSeq = seq - 1
      report.headHash = prev
    }
    return header.sealed
  }

  /// One line: its form, its seq, its link in the hash chain, its hash, and recordedAt order.
  static func checkLine(
    _ line: ArraySlice<UInt8>, _ name: String, _ offset: Int64, _ context: inout RecordDecoder.Context,
    _ audit: inout CheckpointAudit?, seq: inout UInt64, prev: inout ChainHash, lastAt: inout Timestamp
  ) throws(JournalError) {
    let at = JournalError.Location(file: name, offset: offset, seq: seq)
    guard let record = try? RecordDecoder.decode(line, context: &context), record.seq == seq else {
      throw JournalError(.damaged, "Segment \(name) holds a malformed event where seq \(seq) was expected.", at: at)
    }
    guard let link = EventLine.check(line), link.prev == prev else {
      throw JournalError(
        .damaged, "The hash chain breaks at seq \(seq) (segment \(name)): its prev is not the previous event's hash.", at: at)
    }
    guard link.computed == link.stored else {
      throw JournalError(
        .damaged, "The event at seq \(seq) (segment \(name)) was changed after it was written: its hash does not match its content.",
        at: at)
    }
    guard record.recordedAt >= lastAt else {
      throw JournalError(.damaged, "recordedAt goes back in time at seq \(seq) (segment \(name)).", at: at)
    }
    lastAt = record.recordedAt
    prev = link.stored
    audit?.append(line)
    seq += 1
  }

  static func sideFileIsCurrent(_ layout: JournalLayout, _ name: String) -> Bool {
    let path = layout.index + "/" + name + ".ids"
    guard let fd = try? POSIX.open(path, O_RDONLY) else { return false }
    defer { close(fd) }
    guard let size = try? POSIX.size(fd, path), let b = try? POSIX.read(fd, at: 0, count: Int(size), path) else { return false }
    return IdTable(decoding: b, firstSeq: JournalLayout.firstSeq(ofSegment: name) ?? 0) != nil
  }
}
