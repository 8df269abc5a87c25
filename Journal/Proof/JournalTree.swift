/// The Merkle tree of a journal's lines, answering from the tile cache
/// (`index/merkle.tiles`) where it may and reading lines where it must: a
/// root or a proof at any size reads at most one tile of lines (255) plus the
/// cached tile hashes, once the cache covers the size.
///
/// The cache is never trusted blindly: ``extend(to:)`` hashes missing tiles
/// from the lines, ``distrust(from:)`` drops tiles to rehash them, and every
/// caller that signs or proves checks the result against a signed root.
///
/// ```swift
/// var tree = try JournalTree(journal: "journal")
/// try tree.extend(to: 1000)
/// let root = try Merkle.root(size: 1000, from: &tree)
/// ```
public struct JournalTree: SubtreeHashes {
  let reader: Reader
  let cache: TileCache
  /// Tile hashes: tile k is MTH of leaves `[256k, 256k + 256)`.
  public private(set) var tiles: [TreeHash]
  /// Leaf hashes of tiles read for a partial range, by tile.
  var leafMemo: [UInt64: [TreeHash]] = [:]
  /// Events read (lines hashed) since this value was made: what a proof cost.
  public private(set) var linesRead: Int = 0

  /// The tree of the journal at `path`, with its tile cache as found (possibly empty).
  /// - Throws: `.notAJournal` if there is no journal there.
  public init(journal path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    reader = try Reader(at: path)
    cache = TileCache(layout: reader.layout, disk: Disk(io: io))
    tiles = cache.load()
  }

  /// Forgets cached tiles from index `tile` on, so that they are hashed again from the lines.
  public mutating func distrust(from tile: Int) {
    if tile < tiles.count { tiles.removeSubrange(tile...) }
    leafMemo = [:]
  }

  /// Hashes from the lines every leaf below `size` that no cached tile
  /// covers, in one sequential pass: full tiles join ``tiles``, the last
  /// partial one is kept for proofs. `body` sees each record read, in seq order.
  /// - Returns: the number of lines read.
  /// - Throws: `.notFound` if the journal holds fewer than `size` events; read errors.
  @discardableResult
  public mutating func extend(to size: UInt64, _ body: (Record) throws(JournalError) -> Void = { _ in }) throws(JournalError)
    -> Int
  {
    let width = TileCache.width
    var next = UInt64(tiles.count) * width + 1
    guard next <= size else { return 0 }
    var leaves: [TreeHash] = []
    leaves.reserveCapacity(Int(width))
    var it = try reader.records(from: next, readAhead: size - next > 4 * width)
    var read = 0
    while next <= size {
      guard let r = try it.next() else { throw Self.tooShort(size: size, has: next - 1) }
      guard r.seq == next else { throw JournalError(.damaged, "Expected seq \(next) but read seq \(r.seq).", at: .init(seq: next)) }
      try body(r)
      leaves.append(TreeHash.leaf(lineWithoutNewline: r.bytes))
      read += 1
      next += 1
      if leaves.count == Int(width) {
        tiles.append(LeafHashes.mth(leaves[...]))
        leaves.removeAll(keepingCapacity: true)
      }
    }
    linesRead += read
    leafMemo = leaves.isEmpty ? [:] : [UInt64(tiles.count): leaves]
    return read
  }

  /// The root of the first `size` events, checked the way a cache must be: from the cached tiles first
  /// and, if that is not `expected`, once more from the lines alone (the cache is then rebuilt). The caller
  /// compares the result with `expected`: a difference then is the journal's, not the cache's.
  public mutating func root(size: UInt64, expecting expected: TreeHash) throws(JournalError) -> TreeHash {
    try extend(to: size)
    let cached = try Merkle.root(size: size, from: &self)
    guard cached != expected else { return cached }
    distrust(from: 0)
    try extend(to: size)
    return try Merkle.root(size: size, from: &self)
  }

  /// Writes the tile hashes to the cache (best kept: a failure only costs a rehash later).
  public func save() throws(JournalError) { try cache.save(tiles) }

  public mutating func hash(of range: Range<UInt64>) throws(JournalError) -> TreeHash {
    let width = TileCache.width
    let tile = range.lowerBound / width
    if range.lowerBound % width == 0 && UInt64(range.count) == width && tile < UInt64(tiles.count) {
      return tiles[Int(tile)]
    }
    if tile == (range.upperBound - 1) / width {
      let leaves = try tileLeaves(tile, through: range.upperBound)
      let base = tile * width
      return LeafHashes.mth(leaves[Int(range.lowerBound - base)..<Int(range.upperBound - base)])
    }
    let mid = range.lowerBound + Merkle.split(UInt64(range.count))
    return TreeHash.node(try hash(of: range.lowerBound..<mid), try hash(of: mid..<range.upperBound))
  }

  /// The leaf hashes of tile `tile`, at least up to leaf `end` (exclusive).
  mutating func tileLeaves(_ tile: UInt64, through end: UInt64) throws(JournalError) -> [TreeHash] {
    let base = tile * TileCache.width
    if let known = leafMemo[tile], base + UInt64(known.count) >= end { return known }
    var leaves: [TreeHash] = []
    var it = try reader.records(from: base + 1)
    while leaves.count < Int(TileCache.width), let r = try it.next() {
      guard r.seq == base + UInt64(leaves.count) + 1 else {
        throw JournalError(.damaged, "Expected seq \(base + UInt64(leaves.count) + 1) but read seq \(r.seq).", at: .init(seq: r.seq))
      }
      leaves.append(TreeHash.leaf(lineWithoutNewline: r.bytes))
      linesRead += 1
    }
    guard base + UInt64(leaves.count) >= end else { throw Self.tooShort(size: end, has: base + UInt64(leaves.count)) }
    leafMemo[tile] = leaves
    return leaves
  }

  static func tooShort(size: UInt64, has: UInt64) -> JournalError {
    JournalError(.notFound, "The journal holds only \(has) events, fewer than the tree size \(size).", at: .init(seq: size))
  }
}
