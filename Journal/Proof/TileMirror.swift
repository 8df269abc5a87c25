/// Brings a journal up to date from a published tiled log (``TilePublisher``'s
/// layout): fetches the signed checkpoint, the entry bundles and hash tiles of
/// what it does not hold yet, checks every one of them and the consistency
/// with what it holds, and only then appends the new events, byte for byte.
///
/// The mirror is a full journal: its events keep their seqs, times and hashes,
/// its `checkpoints/` holds the source's signed checkpoints, and it can be
/// verified, folded and proven like the original.
public enum TileMirror {
  /// Fetches one published file by its path (`checkpoint`, `tile/0/000`…); `.notFound` if it is not there.
  public typealias Fetch = (String) throws(JournalError) -> [UInt8]

  public struct Report: Sendable, Equatable {
    public var origin = ""
    public var before: UInt64 = 0
    public var after: UInt64 = 0
    public var tilesChecked = 0
  }

  /// Mirrors the source `fetch` reads into the journal at `journal` (created if the folder is new or empty).
  /// - Parameter policy: whose signatures count; needed for a new mirror, else the mirror's own policy is used.
  /// - Throws: `.verificationFailed` for anything that is not the signed history that extends this mirror's
  ///   (a tampered or truncated tile, a rewritten history, a rollback); the mirror is then left as it was.
  public static func update(journal: String, policy given: WitnessPolicy?, fetch: Fetch) throws(JournalError) -> Report {
    let signed: SignedCheckpoint
    do { signed = try SignedCheckpoint(parsing: fetch("checkpoint")) } catch {
      throw JournalError(error.code, "The source's checkpoint: \(error.message)", at: error.location)
    }
    let cp = signed.checkpoint
    if (try? CheckpointLog(journal: journal)) == nil { try Writer.create(at: journal) }
    let log = try CheckpointLog(journal: journal)
    let policy: WitnessPolicy
    if log.isSetUp {
      policy = try log.policy()
      let origin = try log.readOrigin()
      guard origin == cp.origin else {
        throw JournalError(.verificationFailed, "The source is the log '\(cp.origin)', but this mirror holds '\(origin)'.")
      }
    } else {
      guard let given else { throw JournalError(.invalidInput, "A new mirror needs the log's verifier key or policy.") }
      policy = given
    }
    try signed.verify(policy)
    let reader = try Reader(at: journal)
    let head = try reader.head().seq
    let signedBefore = try log.sizes().last ?? 0
    guard cp.size >= max(head, signedBefore) else {
      throw JournalError(
        .verificationFailed,
        "The source's checkpoint covers \(cp.size) events, but this mirror already holds \(max(head, signedBefore)): the source rolled its history back, or is another log."
      )
    }
    var report = Report(origin: cp.origin, before: head, after: cp.size)
    var tree = try JournalTree(journal: journal)
    try tree.extend(to: head)
    let width = UInt64(TlogTiles.width)
    let firstTile = head / width
    let localTiles = Array(tree.tiles.prefix(Int(firstTile)))
    // The local leaves of the first tile the source completes (this mirror's partial tail).
    var tileLeaves: [TreeHash] = head % width == 0 ? [] : Array(try tree.tileLeaves(firstTile, through: head).prefix(Int(head % width)))
    var tailLines: [[UInt8]] = []
    if head % width != 0 {
      var it = try reader.records(from: firstTile * width + 1)
      while tailLines.count < Int(head % width), let r = try it.next() { tailLines.append(r.lineBytes + [0x0A]) }
    }
    var newLines: [[UInt8]] = []
    var newTileRoots: [TreeHash] = []
    var tile = firstTile
    while tile * width < cp.size {
      let count = Int(min(width, cp.size - tile * width))
      let bundlePath = TlogTiles.path(level: nil, index: tile, count: count)
      guard let entries = TlogTiles.entries(try fetch(bundlePath), count: count) else {
        throw JournalError(.verificationFailed, "The source's \(bundlePath) is not \(count) well-formed entries (truncated or damaged).")
      }
      for (i, entry) in entries.enumerated() {
        let seq = tile * width + UInt64(i) + 1
        if seq <= head {
          guard entry.elementsEqual(tailLines[i]) else {
            throw JournalError(
              .verificationFailed,
              "The source's event \(seq) differs from the one this mirror holds: its history was rewritten, or it is another log.")
          }
          continue
        }
        guard entry.last == 0x0A, entry.firstIndex(of: 0x0A) == entry.endIndex - 1, entry.starts(with: Array("{\"seq\":\(seq),".utf8))
        else { throw JournalError(.verificationFailed, "Entry \(i) of the source's \(bundlePath) is not event \(seq)'s line.") }
        tileLeaves.append(TreeHash.leaf(entry))
        newLines.append(Array(entry.dropLast()))
      }
      let tilePath = TlogTiles.path(level: 0, index: tile, count: count)
      guard try fetch(tilePath) == TlogTiles.bytes(tileLeaves) else {
        throw JournalError(.verificationFailed, "The source's \(tilePath) is not the hashes of its entries (tampered or truncated).")
      }
      report.tilesChecked += 2
      if count == TlogTiles.width { newTileRoots.append(LeafHashes.mth(tileLeaves[...])) }
      if count < TlogTiles.width { break }
      tileLeaves.removeAll(keepingCapacity: true)
      tailLines = []
      tile += 1
    }
    // The root of the first S events, from this mirror's own leaves and the source's new ones.
    var builder = TreeBuilder()
    for t in localTiles + newTileRoots { builder.append(subtree: t, size: width) }
    for l in tileLeaves where cp.size % width != 0 { builder.append(l) }
    guard builder.size == cp.size, builder.root == cp.root else {
      throw JournalError(
        .verificationFailed,
        "The source's events do not hash to its signed root\(head > 0 ? " over the \(head) events this mirror holds" : ""): a rewritten history, a fork, or tampered entries."
      )
    }
    for (path, bytes) in TlogTiles.upperTiles(size: cp.size, tileRoots: localTiles + newTileRoots) {
      guard try fetch(path) == bytes else {
        throw JournalError(.verificationFailed, "The source's \(path) is not what its lower tiles hash to (tampered or truncated).")
      }
      report.tilesChecked += 1
    }
    // All checked: append, one commit per 65 536 events, then keep the checkpoint.
    if !log.isSetUp, let key = policy.logs.first(where: { $0.name == cp.origin }) {
      try log.setUp(origin: cp.origin, signer: key)
      try log.savePolicy(policy)
    }
    let writer = try Writer(at: journal)
    var start = 0
    while start < newLines.count {
      let end = min(start + 65_536, newLines.count)
      try writer.replicate(Array(newLines[start..<end]))
      start = end
    }
    try log.adopt(signed, policy: policy)
    return report
  }
}
