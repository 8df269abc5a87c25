#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds which `id`s are already in the journal, over the whole history.
///
/// Sealed segments have a side file `index/<segment>.ids` (sorted ids with
/// their seq, CRC-protected) written when they are sealed; it is checked on
/// load and rebuilt from the segment if missing or inconsistent. The last,
/// unsealed segment's ids are read from the segment itself. Lookups happen
/// only for ids the caller chose: ids the journal draws are random UUIDs.
final class IdIndex {
  let layout: JournalLayout
  /// Sorted entries of sealed segments, by segment name.
  var sealed: [String: IdTable] = [:]
  /// Ids of the unsealed last segment: (segment name, end covered) → ids.
  var open: (name: String, end: Int, ids: [UUIDKey: UInt64])? = nil

  init(layout: JournalLayout) { self.layout = layout }

  static func randomUUID() -> String {
    var g = SystemRandomNumberGenerator()
    var b = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    return UUIDKey(bytes: b).text
  }

  /// The seq of each given id that is in the journal.
  func lookup(_ ids: [String], tail: TailState?) throws(JournalError) -> [String: UInt64] {
    let keys = Dictionary(ids.compactMap { id in UUIDKey(id).map { ($0, id) } }, uniquingKeysWith: { a, _ in a })
    var found: [String: UInt64] = [:]
    for name in try layout.segmentNames() {
      if let tail, name == tail.name, !tail.header.sealed {
        for (key, seq) in try openIDs(tail) { if let id = keys[key] { found[id] = seq } }
      } else {
        let table = try sealedTable(name)
        if keys.count <= 64 {
          for (key, id) in keys { if let seq = table.find(key) { found[id] = seq } }
        } else {
          table.forEach { key, seq in if let id = keys[key] { found[id] = seq } }
        }
      }
    }
    return found
  }

  /// Keeps the cached ids of the open segment current after a commit.
  func didAppend(_ ids: [(id: String, seq: UInt64)], tail: TailState?) {
    guard var o = open, let tail, o.name == tail.name else {
      open = nil
      return
    }
    for (id, seq) in ids { if let k = UUIDKey(id) { o.ids[k] = seq } }
    o.end = tail.committedEnd
    open = o
  }

  /// Writes the side file of a segment just sealed (best effort: it is rebuilt if absent).
  func didSeal(_ name: String, raw: [UInt8], firstSeq: UInt64) {
    open = nil
    guard let table = try? IdTable(raw: raw) else { return }
    sealed[name] = table
    try? POSIX.writeAtomically(table.encoded(firstSeq: firstSeq), to: path(name), folder: layout.index)
  }

  func path(_ name: String) -> String { layout.index + "/" + name + ".ids" }

  func sealedTable(_ name: String) throws(JournalError) -> IdTable {
    if let t = sealed[name] { return t }
    let firstSeq = JournalLayout.firstSeq(ofSegment: name) ?? 0
    if let fd = try? POSIX.open(path(name), O_RDONLY) {
      defer { close(fd) }
      if let size = try? POSIX.size(fd, path(name)), let bytes = try? POSIX.read(fd, at: 0, count: Int(size), path(name)),
        let t = IdTable(decoding: bytes, firstSeq: firstSeq)
      {
        sealed[name] = t
        return t
      }
    }
    // Missing or inconsistent: rebuild from the segment itself.
    let loaded = try SegmentFile.map(layout: layout, name: name)
    var raw: [UInt8] = []
    for c in loaded.map.commits { try SegmentMap.content(of: c, in: loaded.bytes, file: name, into: &raw) }
    let t = try IdTable(raw: raw)
    sealed[name] = t
    if loaded.map.header.sealed {
      try? POSIX.writeAtomically(t.encoded(firstSeq: firstSeq), to: path(name), folder: layout.index)
    }
    return t
  }

  func openIDs(_ tail: TailState) throws(JournalError) -> [UUIDKey: UInt64] {
    if let o = open, o.name == tail.name, o.end == tail.committedEnd { return o.ids }
    let bytes = try POSIX.read(tail.fd, at: 0, count: tail.committedEnd, tail.path)
    let map = try SegmentMap.scan(bytes, file: tail.name)
    var raw: [UInt8] = []
    for c in map.commits { try SegmentMap.content(of: c, in: bytes, file: tail.name, into: &raw) }
    var ids: [UUIDKey: UInt64] = [:]
    try IdTable.eachID(raw) { key, seq in ids[key] = seq }
    open = (tail.name, tail.committedEnd, ids)
    return ids
  }
}
