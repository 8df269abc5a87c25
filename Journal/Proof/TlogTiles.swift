/// The static layout of a tiled transparency log (C2SP tlog-tiles): the
/// tree's hashes as tiles of 256, and the entries as bundles of 256, at paths
/// any static web server can serve:
///
/// ```
/// checkpoint                      the latest signed checkpoint
/// tile/<L>/<N>[.p/<W>]            hash tiles: level 0 holds leaf hashes; level L ≥ 1 the roots of full tiles of level L − 1
/// tile/entries/<N>[.p/<W>]        entry bundles: each entry a big-endian uint16 length, then the event's line with its newline
/// ```
///
/// `<N>` is written in 3-digit groups, all but the last prefixed with `x`
/// (1234067 → `x001/x234/067`); `.p/<W>` marks a partial tile of W < 256
/// entries. Hashes are 32 bytes, so a full tile is 8 192 bytes.
public enum TlogTiles {
  public static let width = 256
  /// Entries are prefixed by a uint16 length: longer lines cannot be published.
  public static let maxEntry = 65_535

  /// The path of tile `index` of `level` (nil: the entry bundle), of `count` entries (256: full).
  public static func path(level: Int?, index: UInt64, count: Int) -> String {
    var groups: [String] = []
    var n = index
    repeat {
      let g = String(n % 1000)
      groups.insert(String(repeating: "0", count: 3 - g.count) + g, at: 0)
      n /= 1000
    } while n > 0
    let number = groups.enumerated().map { $0.offset < groups.count - 1 ? "x" + $0.element : $0.element }.joined(separator: "/")
    let base = "tile/" + (level.map(String.init) ?? "entries") + "/" + number
    return count == width ? base : base + ".p/\(count)"
  }

  /// Every hash tile of levels ≥ 1 for a tree of `size` leaves, made from the roots of its full level-0 tiles.
  /// - Parameter tileRoots: MTH of each full level-0 tile, in order (⌊size / 256⌋ of them).
  /// - Returns: (path, bytes) of each tile, full and partial, level by level.
  public static func upperTiles(size: UInt64, tileRoots: [TreeHash]) -> [(path: String, bytes: [UInt8])] {
    var out: [(String, [UInt8])] = []
    var below = tileRoots  // the roots of the full tiles of the level below
    var level = 1
    var span = UInt64(width)  // leaves under one hash of this level
    while size / span > 0 {
      let count = Int(size / span)  // hashes at this level
      precondition(below.count >= count)
      var roots: [TreeHash] = []
      var start = 0
      while start < count {
        let end = min(start + width, count)
        let hashes = below[start..<end]
        out.append((path(level: level, index: UInt64(start / width), count: end - start), bytes(hashes)))
        if end - start == width { roots.append(LeafHashes.mth(hashes)) }
        start = end
      }
      below = roots
      level += 1
      span *= UInt64(width)
    }
    return out
  }

  /// The bytes of a hash tile.
  public static func bytes(_ hashes: some Collection<TreeHash>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32 * hashes.count)
    for h in hashes { withUnsafeBytes(of: h.value) { out.append(contentsOf: $0) } }
    return out
  }

  /// The hashes of a hash tile's bytes, or nil if its length is not `count` × 32.
  public static func hashes(_ bytes: [UInt8], count: Int) -> [TreeHash]? {
    guard bytes.count == 32 * count else { return nil }
    return (0..<count).map { TreeHash(bytes: bytes[(32 * $0)..<(32 * $0 + 32)])! }
  }

  /// Appends an entry (a line with its newline) to a bundle's bytes.
  public static func appendEntry(_ line: some Collection<UInt8>, to bundle: inout [UInt8]) {
    bundle.append(UInt8(line.count >> 8))
    bundle.append(UInt8(line.count & 0xFF))
    bundle.append(contentsOf: line)
  }

  /// The entries of a bundle, or nil if it is not `count` well-formed entries.
  public static func entries(_ bundle: [UInt8], count: Int) -> [ArraySlice<UInt8>]? {
    var out: [ArraySlice<UInt8>] = []
    var at = 0
    while at < bundle.count {
      guard at + 2 <= bundle.count else { return nil }
      let n = Int(bundle[at]) << 8 | Int(bundle[at + 1])
      guard at + 2 + n <= bundle.count else { return nil }
      out.append(bundle[(at + 2)..<(at + 2 + n)])
      at += 2 + n
    }
    return out.count == count ? out : nil
  }
}
