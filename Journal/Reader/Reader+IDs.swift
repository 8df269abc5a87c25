import Glibc

extension Reader {
  /// The event whose id is `id` (a UUID, any case), or nil if there is none.
  ///
  /// Each segment's id side file (`index/<segment>.ids`, written by the
  /// writer, sorted by UUID) is searched in place, a few entries read; a
  /// match counts only once the event at that seq is read back with that
  /// id. Events a side file does not cover are read from the journal. An id
  /// found nowhere is looked for in the whole journal before the answer is
  /// nil, so a damaged side file can slow a miss, never hide an event.
  ///
  /// - Throws: what reading the journal throws.
  public func record(id: String) throws(JournalError) -> Record? {
    guard let key = UUIDKey(utf8: Array(id.lowercased().utf8)[...]) else { return nil }
    let names = try layout.segmentNames()
    var uncovered: [(from: UInt64, to: UInt64?)] = []
    for (i, name) in names.enumerated() {
      guard let first = JournalLayout.firstSeq(ofSegment: name) else { continue }
      let next = i + 1 < names.count ? JournalLayout.firstSeq(ofSegment: names[i + 1]) : nil
      let found = Self.search(key, in: layout.index + "/" + name + ".ids", firstSeq: first)
      if let seq = found.seq, let r = try? record(seq: seq), UUIDKey(utf8: r.idBytes) == key { return r }
      let coveredTo = first + found.count
      if next.map({ coveredTo < $0 }) ?? true { uncovered.append((coveredTo, next.map { $0 - 1 })) }
    }
    for range in uncovered {
      if let r = try scan(for: key, from: range.from, to: range.to) { return r }
    }
    return try scan(for: key, from: 1, to: nil)
  }

  func scan(for key: UUIDKey, from: UInt64, to: UInt64?) throws(JournalError) -> Record? {
    var it = try records(from: from)
    while let r = try it.next() {
      if let to, r.seq > to { return nil }
      if UUIDKey(utf8: r.idBytes) == key { return r.detached() }
    }
    return nil
  }

  /// Binary search of an id side file read in place: the seq it gives for
  /// `key` (nil if none), and how many events it covers from `firstSeq`
  /// (0 when it is absent or unreadable).
  static func search(_ key: UUIDKey, in path: String, firstSeq: UInt64) -> (seq: UInt64?, count: UInt64) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return (nil, 0) }
    defer { close(fd) }
    guard let header = try? POSIX.read(fd, at: 0, count: 24, path), header.count == 24, Array(header[0..<8]) == IdTable.tag,
      header.readLE(UInt64.self, at: 8) == firstSeq, let count = header.readLE(UInt64.self, at: 16),
      let size = try? POSIX.size(fd, path), size == 24 + Int64(count) * 24 + 4
    else { return (nil, 0) }
    var lo: UInt64 = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      guard let e = try? POSIX.read(fd, at: 24 + Int64(mid) * 24, count: 24, path), e.count == 24 else { return (nil, 0) }
      let found = IdTable.entry(e, at: 0)
      if found.key == key { return (found.seq, count) }
      if found.key < key { lo = mid + 1 } else { hi = mid }
    }
    return (nil, count)
  }
}
