import Glibc

/// `index/merkle.tiles`: the hashes of the tree's full tiles, a cache never
/// trusted blindly (see the Format article, "Merkle tree and checkpoints").
///
/// `"ESSMRKL1"`, the tile count T (u64 LE), T × 32 bytes where hash k is MTH
/// of leaves `[256k, 256k + 256)`, then the CRC-32C of all before. A file that
/// fails its CRC, or any other check, reads as empty and is rebuilt from the
/// segments. Written to a temporary name and renamed, not synced: like every
/// index, a lost one is rebuilt.
struct TileCache: Sendable {
  /// Leaves per tile: a level-8 subtree, the tile width of C2SP tlog-tiles.
  static let width: UInt64 = 256
  static let tag: [UInt8] = Array("ESSMRKL1".utf8)

  let layout: JournalLayout
  let disk: Disk

  var path: String { layout.index + "/merkle.tiles" }

  /// The cached tile hashes, or none if the file is absent or damaged.
  func load() -> [TreeHash] {
    guard let bytes = CacheFile.read(path), let payload = CacheFile.unseal(bytes, tag: Self.tag),
      let count = payload.readLE(UInt64.self, at: 0), UInt64(payload.count - 8) == count &* 32
    else { return [] }
    return TlogTiles.hashes(Array(payload.dropFirst(8)), count: Int(count)) ?? []
  }

  /// Replaces the file by `tiles`.
  func save(_ tiles: [TreeHash]) throws(JournalError) {
    var payload: [UInt8] = []
    payload.reserveCapacity(8 + 32 * tiles.count)
    for k in 0..<8 { payload.append(UInt8(truncatingIfNeeded: UInt64(tiles.count) >> (8 * UInt64(k)))) }
    payload += TlogTiles.bytes(tiles)
    if !POSIX.isDirectory(layout.index) { try disk.makeDirectory(layout.index) }
    try CacheFile.write(CacheFile.seal(payload, tag: Self.tag), to: path, disk: disk)
  }
}
