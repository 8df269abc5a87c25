import Glibc

/// Reads a journal without locking: any number of readers, in any process,
/// never block the writer and never see a partial commit.
///
/// ```swift
/// let reader = try Reader(at: "journal")
/// var events = try reader.records(from: 1)
/// while let record = try events.next() { print(record.seq, record.type) }
/// ```
public struct Reader: Sendable {
  let layout: JournalLayout

  public init(at path: String) throws(JournalError) {
    layout = JournalLayout(root: path)
    try layout.checkIsJournal()
  }

  init(layout: JournalLayout) { self.layout = layout }

  /// An iterator over committed events from `seq` on (1 = from the start),
  /// starting at the frame that holds it. Memory stays bounded by one frame
  /// (about 1 MiB of lines), whatever the journal's or a commit's size —
  /// except for a segment that does not end with a whole commit, read whole.
  public func records(from seq: UInt64 = 1) throws(JournalError) -> RecordIterator {
    let names = try layout.segmentNames()
    // The segment holding `seq`: the last whose first seq is ≤ seq.
    var lo = 0
    var hi = names.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if JournalLayout.firstSeq(ofSegment: names[mid])! <= seq { lo = mid + 1 } else { hi = mid }
    }
    let start = max(0, lo - 1)
    return RecordIterator(layout: layout, names: Array(names[start...]), from: max(seq, 1))
  }

  /// The same iterator, reading ahead on a second thread: for long reads
  /// (a full fold, an export), where reading and using the events then
  /// overlap. Same records, same errors, at the same points.
  public func records(from seq: UInt64 = 1, readAhead: Bool) throws(JournalError) -> RecordIterator {
    var it = try records(from: seq)
    if readAhead { it.ahead = ReadAhead(it) }
    return it
  }

  /// Calls `body` with each committed event from `seq` on.
  public func forEach(from seq: UInt64 = 1, _ body: (Record) throws -> Void) throws {
    var it = try records(from: seq)
    while let r = try it.next() { try body(r) }
  }

  /// The event at `seq`; `.notFound` if there is none.
  public func record(seq: UInt64) throws(JournalError) -> Record {
    var it = try records(from: seq)
    guard let r = try it.next(), r.seq == seq else {
      throw JournalError(.notFound, "There is no event with seq \(seq) in this journal.", at: .init(seq: seq))
    }
    return r.detached()
  }

  /// The last committed event's seq (0 if empty), hash and recordedAt,
  /// read from the last segment's last complete commit.
  public func head() throws(JournalError) -> (seq: UInt64, hash: ChainHash, recordedAt: Timestamp?) {
    let names = try layout.segmentNames()
    for name in names.reversed() {
      // Through the frame index when the segment has whole commits to its end (no full read).
      if let index = try FrameIndex.current(layout: layout, handle: SegmentHandle(layout: layout, name: name)) {
        if index.nextSeq > index.segmentFirstSeq { return (index.nextSeq - 1, index.lastHash, index.lastRecordedAt) }
        if index.segmentFirstSeq == 1 { return (0, .zero, nil) }
        continue
      }
      let map = try SegmentFile.map(layout: layout, name: name).map
      if let last = map.commits.last { return (last.trailer.lastSeq, last.trailer.lastHash, last.trailer.lastRecordedAt) }
      if map.header.firstSeq == 1 { return (0, .zero, nil) }
    }
    return (0, .zero, nil)
  }
}

/// One segment file read whole and mapped.
enum SegmentFile {
  static func map(layout: JournalLayout, name: String) throws(JournalError) -> (bytes: [UInt8], map: SegmentMap) {
    let path = layout.segmentPath(name)
    let fd = try POSIX.open(path, O_RDONLY)
    defer { close(fd) }
    let size = try POSIX.size(fd, path)
    let bytes = try POSIX.read(fd, at: 0, count: Int(size), path)
    return (bytes, try SegmentMap.scan(bytes, file: name))
  }
}
