import Glibc

/// Writes a journal's first S events as a static tiled log (C2SP tlog-tiles,
/// see ``TlogTiles``) into a folder that any static web server can serve as
/// it is: hash tiles, entry bundles, then the signed checkpoint of size S.
///
/// Published files are immutable: a full tile or bundle already there must be
/// byte-identical to the one this journal makes (else the folder holds another
/// history, and publishing is refused); new ones are written to a temporary
/// name and renamed; the checkpoint goes last, so a reader never sees a
/// checkpoint whose tiles are not there.
public enum TilePublisher {
  public struct Report: Sendable, Equatable {
    public var size: UInt64 = 0
    public var written = 0
    public var unchanged = 0
  }

  /// Publishes `checkpoint` (of this journal's log) and the tiles of its tree into `folder`.
  /// - Throws: `.invalidInput` for a line longer than an entry can be; `.verificationFailed`
  ///   if the folder holds tiles of another history or the journal does not hash to the checkpoint.
  public static func publish(journal: String, checkpoint: SignedCheckpoint, to folder: String, io: any FileIO = POSIXFileIO())
    throws(JournalError) -> Report
  {
    let reader = try Reader(at: journal)
    let disk = Disk(io: io)
    let size = checkpoint.checkpoint.size
    // First the journal against the checkpoint (cheap with the tile cache): nothing is written for a mismatch.
    var tree = try JournalTree(journal: journal, io: io)
    guard try tree.root(size: size, expecting: checkpoint.checkpoint.root) == checkpoint.checkpoint.root else {
      throw JournalError(
        .verificationFailed,
        "This journal's first \(size) events do not hash to the root of the checkpoint to publish; nothing was published.")
    }
    var report = Report(size: size)
    var leaves: [TreeHash] = []
    var bundle: [UInt8] = []
    var tileRoots: [TreeHash] = []
    var builder = TreeBuilder()
    var tile: UInt64 = 0
    func put(_ path: String, _ bytes: [UInt8]) throws(JournalError) {
      try write(bytes, to: folder + "/" + path, disk: disk, report: &report)
    }
    if size > 0 {
      var it = try reader.records(from: 1, readAhead: true)
      while builder.size < size, let r = try it.next() {
        guard r.bytes.count + 1 <= TlogTiles.maxEntry else {
          throw JournalError(
            .invalidInput, "Event \(r.seq) is \(r.bytes.count + 1) bytes long; a tlog-tiles entry holds at most \(TlogTiles.maxEntry).",
            at: .init(seq: r.seq))
        }
        let leaf = TreeHash.leaf(lineWithoutNewline: r.bytes)
        leaves.append(leaf)
        builder.append(leaf)
        TlogTiles.appendEntry(r.bytes + [0x0A], to: &bundle)
        if leaves.count == TlogTiles.width {
          try put(TlogTiles.path(level: 0, index: tile, count: TlogTiles.width), TlogTiles.bytes(leaves))
          try put(TlogTiles.path(level: nil, index: tile, count: TlogTiles.width), bundle)
          tileRoots.append(LeafHashes.mth(leaves[...]))
          leaves.removeAll(keepingCapacity: true)
          bundle.removeAll(keepingCapacity: true)
          tile += 1
        }
      }
    }
    guard builder.size == size else { throw JournalTree.tooShort(size: size, has: builder.size) }
    guard builder.root == checkpoint.checkpoint.root else {
      throw JournalError(
        .verificationFailed, "This journal's events changed while they were published; the checkpoint was not published.")
    }
    if !leaves.isEmpty {
      try put(TlogTiles.path(level: 0, index: tile, count: leaves.count), TlogTiles.bytes(leaves))
      try put(TlogTiles.path(level: nil, index: tile, count: leaves.count), bundle)
    }
    for (path, bytes) in TlogTiles.upperTiles(size: size, tileRoots: tileRoots) { try put(path, bytes) }
    try CacheFile.write(checkpoint.bytes, to: folder + "/checkpoint", disk: disk)
    report.written += 1
    return report
  }

  /// Writes a published file unless the same bytes are there; refuses to replace other bytes.
  static func write(_ bytes: [UInt8], to path: String, disk: Disk, report: inout Report) throws(JournalError) {
    if let existing = CacheFile.read(path) {
      guard existing == bytes else {
        throw JournalError(
          .verificationFailed,
          "\(path) is already published with other bytes: this folder holds another history. Publish into a new folder.",
          at: .init(file: path))
      }
      report.unchanged += 1
      return
    }
    try makeFolders(for: path, disk: disk)
    try CacheFile.write(bytes, to: path, disk: disk)
    report.written += 1
  }

  /// Creates the folders of `path` that do not exist yet.
  public static func makeFolders(for path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    try makeFolders(for: path, disk: Disk(io: io))
  }

  static func makeFolders(for path: String, disk: Disk) throws(JournalError) {
    let folder = DurableFile.folder(of: path)
    guard !POSIX.isDirectory(folder) else { return }
    try makeFolders(for: folder, disk: disk)
    try disk.makeDirectory(folder)
  }
}
