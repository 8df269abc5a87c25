import Dispatch
import Glibc

/// Finds which `id`s are already in the journal, over the whole history.
///
/// Sealed segments have a side file `index/<segment>.ids` (sorted ids with
/// their seq, CRC-protected) written when they are sealed; it is checked on
/// load and rebuilt from the segment if missing or inconsistent. The last,
/// unsealed segment's ids are read from the segment itself. Lookups happen
/// only for ids the caller chose: ids the journal draws are random UUIDs.
final class IdIndex {
  let layout: JournalLayout
  /// Sorted entries of closed segments (all but the last), by segment name.
  var closed: [String: IdTable] = [:]
  /// Every id of the closed segments, built for large batches only.
  var merged: UUIDMap<UInt64>? = nil
  var mergedNames: Set<String> = []
  /// Ids of the last segment (`recentSegment`), for seqs up to `recentUpTo`.
  var recent = UUIDMap<UInt64>()
  var recentSegment: String? = nil
  var recentUpTo: UInt64 = 0
  /// The first `sorted.count` entries of `recent` (in seq order), sorted by id: each save sorts only the ids after them.
  var sorted: [(key: UUIDKey, seq: UInt64)] = []
  /// The segment whose ids this writer last saved, and the last seq they reach.
  var savedSegment: String? = nil
  var savedUpTo: UInt64 = 0
  /// The last segment's ids are saved once this many new ones await.
  static let saveEvery: UInt64 = 4096

  let disk: Disk

  init(layout: JournalLayout, disk: Disk = Disk(io: POSIXFileIO())) {
    self.layout = layout
    self.disk = disk
  }

  static func randomUUID() -> String { randomKeys(1)[0].text }

  /// `count` random (version 4) UUIDs from one read of the system's generator.
  static func randomKeys(_ count: Int) -> [UUIDKey] {
    var bytes = [UInt8](repeating: 0, count: count * 16)
    var g = SystemRandomNumberGenerator()
    bytes.withUnsafeMutableBytes { raw in
      var filled = 0
      let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
      if fd >= 0 {
        while filled < raw.count {
          let n = read(fd, raw.baseAddress! + filled, raw.count - filled)
          if n <= 0 { break }
          filled += n
        }
        close(fd)
      }
      while filled < raw.count {
        raw[filled] = UInt8.random(in: 0...255, using: &g)
        filled += 1
      }
    }
    return (0..<count).map { i in
      var b = Array(bytes[(i * 16)..<(i * 16 + 16)])
      b[6] = (b[6] & 0x0F) | 0x40
      b[8] = (b[8] & 0x3F) | 0x80
      return UUIDKey(bytes: b)
    }
  }

  /// The seq of each given id that is in the journal, over the whole history.
  func lookup(_ keys: [UUIDKey], tail: TailState?) throws(JournalError) -> UUIDMap<UInt64> {
    var found = UUIDMap<UInt64>()
    guard let tail else { return found }
    // The last segment: kept in memory, caught up with what other writers added.
    try catchUpRecent(tail)
    for k in keys { if let seq = recent[k] { found[k] = seq } }
    let closedNames = try layout.segmentNames().filter { $0 != tail.name }
    if keys.count > 64 {
      for name in closedNames where !mergedNames.contains(name) {
        let table = try closedTable(name)
        if merged == nil { merged = UUIDMap() }
        merged!.reserveCapacity(merged!.count + table.keys.count)
        table.forEach { k, s in merged!.insert(k, s) }
        mergedNames.insert(name)
      }
      for k in keys { if let seq = merged?[k] { found[k] = seq } }
    } else {
      for name in closedNames {
        let table = try closedTable(name)
        for k in keys { if let seq = table.find(k) { found[k] = seq } }
      }
    }
    return found
  }

  /// Brings `recent` up to the last segment's last seq.
  func catchUpRecent(_ tail: TailState) throws(JournalError) {
    let head = tail.nextSeq - 1
    if recentSegment != tail.name {
      forgetRecent()
      recentSegment = tail.name
      recentUpTo = tail.header.firstSeq - 1
    }
    guard recentUpTo < head else { return }
    var it = try Reader(layout: layout).records(from: recentUpTo + 1)
    while let r = try it.next(), r.seq <= head {
      if let k = UUIDKey(utf8: r.idBytes) { recent.insert(k, r.seq) }
      recentUpTo = r.seq
    }
  }

  /// Keeps `recent` current after this writer's commit.
  func didAppend(_ ids: [(key: UUIDKey, seq: UInt64)], tail: TailState?) {
    guard let tail, recentSegment == tail.name, let first = ids.first, first.seq == recentUpTo + 1 else { return }
    for (k, seq) in ids { recent.insert(k, seq) }
    recentUpTo = ids.last!.seq
  }

  /// A segment just created (empty): its ids are all known from now on.
  func didCreate(_ name: String, firstSeq: UInt64) {
    forgetRecent()
    recentSegment = name
    recentUpTo = firstSeq - 1
  }

  /// Saves the last segment's ids so far to its side file (best effort), so
  /// that readers find an id without reading the segment; a table that
  /// covers only part of a segment is never taken for the whole one
  /// (``closedTable(_:)`` checks its count).
  func saveRecent(_ tail: TailState) {
    // Not at every save of the frame index: once enough new ids await (readers read the rest).
    guard savedSegment != tail.name || tail.nextSeq - 1 >= savedUpTo + Self.saveEvery else { return }
    guard (try? catchUpRecent(tail)) != nil, recentSegment == tail.name,
      UInt64(recent.count) == recentUpTo + 1 - tail.header.firstSeq
    else { return }
    try? CacheFile.write(IdTable.encode(sorted: sortedRecent(), firstSeq: tail.header.firstSeq), to: path(tail.name), disk: disk)
    savedSegment = tail.name
    savedUpTo = recentUpTo
  }

  /// A segment made whole by one streamed commit: its ids, sorted, written
  /// straight to its side file (no table kept in memory; a later lookup reads it).
  func didStage(_ name: String, firstSeq: UInt64, ids: inout [(key: UUIDKey, seq: UInt64)]) {
    forgetRecent()
    recentSegment = nil
    IdIndex.sortOnTwoCores(&ids)
    let bytes = IdTable.encode(sorted: ids, firstSeq: firstSeq)
    ids = []
    try? CacheFile.write(bytes, to: path(name), disk: disk)
  }

  /// Sorts `pairs` by id, each half on its own core, then merges them (a large commit's ids, at its end,
  /// when the thread that read its parts is done).
  static func sortOnTwoCores(_ pairs: inout [(key: UUIDKey, seq: UInt64)]) {
    guard pairs.count >= 65_536 else {
      pairs.sort { $0.key < $1.key }
      return
    }
    let middle = pairs.count / 2
    pairs.withUnsafeMutableBufferPointer { all in
      // Two disjoint halves of one buffer, each sorted by one thread.
      nonisolated(unsafe) let halves = [
        UnsafeMutableBufferPointer(rebasing: all[..<middle]), UnsafeMutableBufferPointer(rebasing: all[middle...]),
      ]
      DispatchQueue.concurrentPerform(iterations: 2) { h in
        var half = halves[h]
        half.sort { $0.key < $1.key }
      }
    }
    pairs = merge(pairs[..<middle], pairs[middle...])
  }

  /// Two runs sorted by id, merged into one (on equal ids, `first`'s entry first).
  static func merge(
    _ first: ArraySlice<(key: UUIDKey, seq: UInt64)>, _ second: ArraySlice<(key: UUIDKey, seq: UInt64)>
  ) -> [(key: UUIDKey, seq: UInt64)] {
    var out: [(key: UUIDKey, seq: UInt64)] = []
    out.reserveCapacity(first.count + second.count)
    var a = first.startIndex
    var b = second.startIndex
    while a < first.endIndex && b < second.endIndex {
      if second[b].key < first[a].key {
        out.append(second[b])
        b += 1
      } else {
        out.append(first[a])
        a += 1
      }
    }
    out.append(contentsOf: first[a...])
    out.append(contentsOf: second[b...])
    return out
  }

  /// The last segment was closed (sealed or not): its ids become a closed table.
  func didClose(_ name: String, firstSeq: UInt64, lastSeq: UInt64) {
    guard recentSegment == name, recentUpTo == lastSeq else {
      recentSegment = nil
      return
    }
    let pairs = sortedRecent()
    let table = IdTable(keys: pairs.map(\.key), seqs: pairs.map(\.seq))
    closed[name] = table
    try? disk.writeAtomically(table.encoded(firstSeq: firstSeq), to: path(name), folder: layout.index)
    forgetRecent()
    recentSegment = nil
  }

  func forgetRecent() {
    recent.removeAll()
    sorted = []
  }

  /// `recent`'s entries sorted by id: the ones sorted before, merged with the new ones sorted.
  func sortedRecent() -> [(key: UUIDKey, seq: UInt64)] {
    guard sorted.count < recent.count else { return sorted }
    let fresh = zip(recent.keys[sorted.count...], recent.values[sorted.count...]).map { (key: $0, seq: $1) }
      .sorted { $0.key < $1.key }
    sorted = IdIndex.merge(sorted[...], fresh[...])
    return sorted
  }

  func path(_ name: String) -> String { layout.index + "/" + name + ".ids" }

  /// A closed segment's table: from memory, its side file, or rebuilt from the
  /// segment (in memory only: a lookup writes nothing; closing a segment writes its side file).
  func closedTable(_ name: String) throws(JournalError) -> IdTable {
    if let t = closed[name] { return t }
    let firstSeq = JournalLayout.firstSeq(ofSegment: name) ?? 0
    // A closed segment holds the seqs up to the next one's first.
    let names = try layout.segmentNames()
    let next = names.firstIndex(of: name).flatMap { $0 + 1 < names.count ? JournalLayout.firstSeq(ofSegment: names[$0 + 1]) : nil }
    if let fd = try? POSIX.open(path(name), O_RDONLY) {
      defer { close(fd) }
      if let size = try? POSIX.size(fd, path(name)), let bytes = try? POSIX.read(fd, at: 0, count: Int(size), path(name)),
        let t = IdTable(decoding: bytes, firstSeq: firstSeq), let next, UInt64(t.keys.count) == next - firstSeq
      {
        closed[name] = t
        return t
      }
    }
    // Missing or inconsistent: rebuild from the segment itself.
    let loaded = try SegmentFile.map(layout: layout, name: name)
    var raw: [UInt8] = []
    for c in loaded.map.commits { try SegmentMap.content(of: c, in: loaded.bytes, file: name, into: &raw) }
    let t = try IdTable(raw: raw)
    closed[name] = t
    return t
  }
}
