import Glibc

/// A client's keyed cache beside a journal: byte values by byte key,
/// stamped with the journal position they cover (a seq and its hash), read
/// one key at a time and updated by appending — so that what a client reads
/// or writes costs what it touches, not the journal's size.
///
/// Two files in `cache/` (see the Format article, "Keyed caches"):
/// - `<name>.base`: an immutable sorted table (header, hash index, values),
///   each part with its own CRC-32C, replaced whole by a rename;
/// - `<name>.log`: records appended after it, each naming the seqs it
///   covers (`from…to`) and carrying, for every key it changed, its new
///   value or the bytes appended to it, with its own CRC-32C. A record that does not continue the position
///   reached (or fails its CRC) ends the log: what follows is ignored.
///
/// Nothing here is trusted for more than it claims: the caller compares
/// the ``stamp`` with the journal's own event at that seq before using any
/// value, folds the events after it, and rebuilds when it does not match.
/// Not synced: a cache lost in a crash is rebuilt from the journal.
///
/// ```swift
/// let cache = try KeyedCache(journal: "journal", name: "integrity", tag: "ESSINTG3")
/// if let stamp = cache.open(), stamp == journalHead { let v = try cache.value(key) }
/// try cache.append([(key, value)], from: stamp.seq + 1, to: newStamp)
/// ```
package final class KeyedCache {
  /// The journal position a cache covers: every event up to `seq`, the last one with `hash`.
  package struct Stamp: Sendable, Equatable {
    package var seq: UInt64
    package var hash: ChainHash
    package init(seq: UInt64, hash: ChainHash) {
      self.seq = seq
      self.hash = hash
    }
    package static let empty = Stamp(seq: 0, hash: .zero)
  }

  /// What a record does to a key: gives it a new value, or appends bytes to its value.
  package enum Change: Sendable, Equatable {
    case set([UInt8])
    case append([UInt8])
  }

  /// What the log did to a key: a whole new value, or bytes after the base's value.
  struct Pending {
    var replaced: Bool
    var bytes: [UInt8]

    mutating func apply(_ change: Change) {
      switch change {
      case .set(let v):
        replaced = true
        bytes = v
      case .append(let suffix): bytes += suffix
      }
    }
  }

  /// The base table as loaded: its descriptor (kept open, so a rename does not change what is read), stamp and index.
  struct Base {
    var fd: Int32
    var stamp: Stamp
    /// `count` × (FNV-1a 64 of the key, offset u64, length u32), sorted by hash.
    var index: [UInt8]
    var count: Int
    var size: Int
  }

  static let baseMagic = Array("ESSKEYB1".utf8)
  static let logMagic = Array("ESSKEYL1".utf8)
  static let headerSize = 8 + 8 + 8 + 32 + 8 + 4
  static let entrySize = 20

  let layout: JournalLayout
  let disk: Disk
  let name: String
  let tag: [UInt8]
  /// The log is merged into a new base once it holds more than this many bytes.
  package var logLimit = 1 << 20

  var base: Base? = nil
  /// What the valid part of the log did, by key.
  var recent: [[UInt8]: Pending] = [:]
  /// Bytes of the log that hold valid records (where the next one goes).
  var logEnd = 0
  /// The position covered, once ``open()`` found one.
  package private(set) var stamp: Stamp? = nil

  /// - Parameters:
  ///   - name: `[a-z0-9][a-z0-9._-]*`; the files are `cache/<name>.base` and `cache/<name>.log`.
  ///   - tag: 8 ASCII characters naming the client's format (its version included).
  /// - Throws: `.notAJournal`, or `.invalidInput` for a bad name or tag.
  package init(journal path: String, name: String, tag: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    layout = JournalLayout(root: path)
    disk = Disk(io: io)
    try layout.checkIsJournal()
    guard JournalCache.isValid(name: name + ".base", tag: tag) else {
      throw JournalError(.invalidInput, "A keyed cache needs a name of lowercase letters, digits, '.', '_' or '-', and an 8-character tag.")
    }
    self.name = name
    self.tag = Array(tag.utf8)
  }

  deinit { closeBase() }

  var basePath: String { layout.cache + "/" + name + ".base" }
  var logPath: String { layout.cache + "/" + name + ".log" }

  /// Reads the base's header and index and the whole log (bounded by
  /// ``logLimit``); returns the position they cover, or nil when there is
  /// no cache or it cannot be read (then it must be rebuilt). With no base,
  /// the log counts from an empty table at seq 0.
  @discardableResult
  package func open() -> Stamp? {
    closeBase()
    recent = [:]
    logEnd = 0
    stamp = nil
    var at = Stamp.empty
    if POSIX.exists(basePath) {
      guard let b = loadBase() else { return nil }
      base = b
      at = b.stamp
    }
    at = readLog(after: at)
    stamp = at
    return at
  }

  /// The value of `key`, or nil if the cache holds none.
  /// - Throws: `.damaged` when the base's bytes for it fail their CRC (rebuild the cache).
  package func value(_ key: [UInt8]) throws(JournalError) -> [UInt8]? {
    let pending = recent[key]
    if let pending, pending.replaced { return pending.bytes }
    guard let stored = try baseValue(key) else { return pending?.bytes }
    return stored + (pending?.bytes ?? [])
  }

  func apply(_ change: Change, to key: [UInt8]) {
    recent[key, default: Pending(replaced: false, bytes: [])].apply(change)
  }

  /// The value of `key` in the base.
  func baseValue(_ key: [UInt8]) throws(JournalError) -> [UInt8]? {
    guard let base else { return nil }
    let h = Self.hash(key)
    var lo = 0
    var hi = base.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if base.index.readLE(UInt64.self, at: mid * Self.entrySize)! < h { lo = mid + 1 } else { hi = mid }
    }
    var i = lo
    while i < base.count, base.index.readLE(UInt64.self, at: i * Self.entrySize)! == h {
      let offset = Int64(base.index.readLE(UInt64.self, at: i * Self.entrySize + 8)!)
      let length = Int(base.index.readLE(UInt32.self, at: i * Self.entrySize + 16)!)
      let blob = try POSIX.read(base.fd, at: offset, count: length, basePath)
      guard let (k, v) = Self.unpack(blob) else {
        throw JournalError(
          .damaged, "The keyed cache \(basePath) is damaged at byte offset \(offset); it is rebuilt from the journal.",
          at: .init(file: basePath, offset: offset))
      }
      if k == key { return v }
      i += 1
    }
    return nil
  }

  /// Every key and value (the base merged with the log), for a rebuild or a merge.
  /// - Throws: `.damaged` or an I/O error when the base cannot be read back whole.
  package func all() throws(JournalError) -> [[UInt8]: [UInt8]] {
    var out: [[UInt8]: [UInt8]] = [:]
    if let base {
      let bytes = try POSIX.read(base.fd, at: 0, count: base.size, basePath)
      for i in 0..<base.count {
        let offset = Int(base.index.readLE(UInt64.self, at: i * Self.entrySize + 8)!)
        let length = Int(base.index.readLE(UInt32.self, at: i * Self.entrySize + 16)!)
        guard offset + length <= bytes.count, let (k, v) = Self.unpack(Array(bytes[offset..<(offset + length)])) else {
          throw JournalError(.damaged, "The keyed cache \(basePath) is damaged at byte offset \(offset).", at: .init(file: basePath))
        }
        out[k] = v
      }
    }
    for (k, p) in recent { out[k] = p.replaced ? p.bytes : (out[k] ?? []) + p.bytes }
    return out
  }

  /// Appends one record: what `changes` do to their keys for the events `from…to.seq`,
  /// which must continue the position reached (else nothing is written and
  /// the cache is reopened). When the record would take the log past
  /// ``logLimit``, base, log and record are merged into a new base instead. A failure leaves the cache as it was on disk (a torn record
  /// fails its CRC and ends the log) and closes it here: reopen it.
  package func append(_ changes: [(key: [UInt8], change: Change)], from: UInt64, to: Stamp) throws(JournalError) {
    guard let stamp, from == stamp.seq + 1, to.seq >= stamp.seq else {
      open()
      throw JournalError(.invalidInput, "A keyed cache record must continue the position the cache covers.")
    }
    let size = changes.reduce(0) { total, c in
      switch c.change {
      case .set(let v), .append(let v): return total + c.key.count + v.count + 9
      }
    }
    if logEnd + size > logLimit {
      // Past the limit with this record: merged into a new base at once, the record never written.
      var merged = try all()
      for (k, c) in changes {
        switch c {
        case .set(let v): merged[k] = v
        case .append(let suffix): merged[k, default: []] += suffix
        }
      }
      try replace(with: merged, stamp: to)
      return
    }
    var w = ByteWriter()
    w.bytes.reserveCapacity(size + 64)
    w.u64(from)
    w.u64(to.seq)
    w.raw(to.hash.bytes)
    w.u32(UInt32(changes.count))
    for (k, c) in changes {
      w.u32(UInt32(k.count))
      w.raw(k)
      switch c {
      case .set(let v):
        w.u8(1)
        w.u32(UInt32(v.count))
        w.raw(v)
      case .append(let suffix):
        w.u8(2)
        w.u32(UInt32(suffix.count))
        w.raw(suffix)
      }
    }
    var record: [UInt8] = []
    record.reserveCapacity(w.bytes.count + 8)
    withUnsafeBytes(of: UInt32(w.bytes.count).littleEndian) { record.append(contentsOf: $0) }
    record += w.bytes
    let crc = CRC32C.checksum(record)
    withUnsafeBytes(of: crc.littleEndian) { record.append(contentsOf: $0) }
    do throws(JournalError) {
      if !POSIX.isDirectory(layout.cache) { try disk.makeDirectory(layout.cache) }
      let fd = try disk.open(logPath, O_RDWR | O_CREAT)
      defer { close(fd) }
      var start = logEnd
      if start == 0 {
        // A new log: its header first.
        let header = Self.logMagic + tag
        try disk.writeAll(fd, header, at: 0, path: logPath)
        start = header.count
      }
      // Cut whatever invalid bytes followed the last valid record (a torn write).
      if try POSIX.size(fd, logPath) != Int64(start) { try disk.truncate(fd, to: start, path: logPath) }
      try disk.writeAll(fd, record, at: start, path: logPath)
      logEnd = start + record.count
    } catch {
      closeBase()
      self.stamp = nil
      throw error
    }
    for (k, c) in changes { apply(c, to: k) }
    self.stamp = to
  }

  /// Replaces the whole cache by `entries` at `stamp`: a new base (temporary
  /// name, renamed), then an empty log. A crash between the two leaves log
  /// records the new base already covers: they are skipped.
  package func replace(with entries: [[UInt8]: [UInt8]], stamp: Stamp) throws(JournalError) {
    if !POSIX.isDirectory(layout.cache) { try disk.makeDirectory(layout.cache) }
    let sorted = entries.map { (h: Self.hash($0.key), key: $0.key, value: $0.value) }.sorted { $0.h < $1.h }
    var header = ByteWriter()
    header.raw(Self.baseMagic)
    header.raw(tag)
    header.u64(stamp.seq)
    header.raw(stamp.hash.bytes)
    header.u64(UInt64(sorted.count))
    var out = header.bytes
    withUnsafeBytes(of: CRC32C.checksum(out).littleEndian) { out.append(contentsOf: $0) }
    let indexStart = out.count
    let indexSize = sorted.count * Self.entrySize + 4
    // The index first (its offsets known from the sizes), then each entry packed straight into the file's bytes.
    var index = ByteWriter()
    var offset = indexStart + indexSize
    for e in sorted {
      let size = 4 + e.key.count + e.value.count + 4
      index.u64(e.h)
      index.u64(UInt64(offset))
      index.u32(UInt32(size))
      offset += size
    }
    out.reserveCapacity(offset)
    out += index.bytes
    withUnsafeBytes(of: CRC32C.checksum(index.bytes).littleEndian) { out.append(contentsOf: $0) }
    for e in sorted { out += Self.pack(e.key, e.value) }
    closeBase()
    self.stamp = nil
    try CacheFile.write(out, to: basePath, disk: disk)
    try CacheFile.write(Self.logMagic + tag, to: logPath, disk: disk)
    guard open() == stamp else {
      throw JournalError(.ioFailure, "The keyed cache \(basePath) does not read back as it was written.", at: .init(file: basePath))
    }
  }

  /// Removes both files (a damaged cache): the next ``open()`` finds none.
  package func discard() {
    closeBase()
    recent = [:]
    logEnd = 0
    stamp = nil
    disk.unlink(basePath)
    disk.unlink(logPath)
  }

  func closeBase() {
    if let base { close(base.fd) }
    base = nil
  }

  func loadBase() -> Base? {
    guard let fd = try? POSIX.open(basePath, O_RDONLY) else { return nil }
    guard let size = try? POSIX.size(fd, basePath), size >= Int64(Self.headerSize),
      let head = try? POSIX.read(fd, at: 0, count: Self.headerSize, basePath), head.count == Self.headerSize,
      head.starts(with: Self.baseMagic), Array(head[8..<16]) == tag,
      head.readLE(UInt32.self, at: Self.headerSize - 4) == CRC32C.checksum(head[0..<(Self.headerSize - 4)]),
      let hash = ChainHash(digest: Array(head[24..<56]))
    else {
      close(fd)
      return nil
    }
    let seq = head.readLE(UInt64.self, at: 16)!
    let count = head.readLE(UInt64.self, at: 56)!
    guard count <= UInt64(size) / UInt64(Self.entrySize),
      let index = try? POSIX.read(fd, at: Int64(Self.headerSize), count: Int(count) * Self.entrySize + 4, basePath),
      index.count == Int(count) * Self.entrySize + 4,
      index.readLE(UInt32.self, at: index.count - 4) == CRC32C.checksum(index[0..<(index.count - 4)])
    else {
      close(fd)
      return nil
    }
    return Base(fd: fd, stamp: Stamp(seq: seq, hash: hash), index: Array(index.dropLast(4)), count: Int(count), size: Int(size))
  }

  /// Reads the log's records that continue `start`; returns the position reached.
  func readLog(after start: Stamp) -> Stamp {
    var at = start
    guard let bytes = CacheFile.read(logPath), bytes.starts(with: Self.logMagic + tag) else { return at }
    var pos = 16
    logEnd = pos
    while pos + 8 <= bytes.count {
      let length = Int(bytes.readLE(UInt32.self, at: pos)!)
      guard pos + 4 + length + 4 <= bytes.count,
        bytes.readLE(UInt32.self, at: pos + 4 + length) == CRC32C.checksum(bytes[pos..<(pos + 4 + length)])
      else { break }
      var r = ByteReader(bytes[(pos + 4)..<(pos + 4 + length)])
      guard let from = r.u64(), let to = r.u64(), let h = r.raw(32), let hash = ChainHash(digest: h), let n = r.u32() else { break }
      var changes: [([UInt8], Change)] = []
      for _ in 0..<n {
        guard let kl = r.u32(), let k = r.raw(Int(kl)), let op = r.u8(), op == 1 || op == 2, let vl = r.u32(), let v = r.raw(Int(vl))
        else { break }
        changes.append((k, op == 1 ? .set(v) : .append(v)))
      }
      guard changes.count == Int(n), r.atEnd else { break }
      if to <= at.seq {
        // Already in the base (a merge was interrupted before the log was emptied).
      } else if from == at.seq + 1 {
        for (k, c) in changes { apply(c, to: k) }
        at = Stamp(seq: to, hash: hash)
      } else {
        break
      }
      pos += 4 + length + 4
      logEnd = pos
    }
    return at
  }

  static func pack(_ key: [UInt8], _ value: [UInt8]) -> [UInt8] {
    var w = ByteWriter()
    w.u32(UInt32(key.count))
    w.raw(key)
    w.raw(value)
    let crc = CRC32C.checksum(w.bytes)
    w.u32(crc)
    return w.bytes
  }

  static func unpack(_ blob: [UInt8]) -> ([UInt8], [UInt8])? {
    guard blob.count >= 8, blob.readLE(UInt32.self, at: blob.count - 4) == CRC32C.checksum(blob[0..<(blob.count - 4)]),
      let kl = blob.readLE(UInt32.self, at: 0), 4 + Int(kl) <= blob.count - 4
    else { return nil }
    return (Array(blob[4..<(4 + Int(kl))]), Array(blob[(4 + Int(kl))..<(blob.count - 4)]))
  }

  /// FNV-1a, 64 bits: where a key sorts in the base's index.
  static func hash(_ key: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }
}
