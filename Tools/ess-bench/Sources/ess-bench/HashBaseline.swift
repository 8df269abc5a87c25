import Glibc
import Journal

/// The yardsticks of the Merkle tree's first build, on the journal's JSON
/// Lines written out once to a plain file (`lz4 -dcm`, the leaves end to
/// end): `sha256sum FILE` (the goal's baseline) and `openssl dgst -sha256
/// FILE`, child processes; and, to tell where the build's time goes, the
/// same bytes hashed in this process with the journal's SHA-256
/// (swift-crypto, through ``TreeHash``): in 1 MiB chunks, or as the tree
/// hashes them (a leaf hash a line, node hashes up to the root) but without
/// the journal's decompression.
enum HashBaseline {
  static let chunkBytes = 1 << 20

  /// The absolute path of the command `name`, or nil if it is not installed.
  static func tool(_ name: String) -> String? {
    let r = System.run(["/bin/sh", "-c", "command -v \(name)"])
    let path = String(decoding: r.output, as: UTF8.self).filter { $0 != "\n" }
    return r.status == 0 && path.hasPrefix("/") ? path : nil
  }

  /// Writes the JSON Lines the segments hold to `path`; returns its size.
  static func writeLines(_ segments: [String], to path: String) -> Int64 {
    _ = System.shell("lz4 -dcm \(LZ4CLIBench.fileList(segments)) > \(System.quote(path))")
    return System.fileSize(path)
  }

  /// Times a digest command such as `sha256sum FILE`, run as a child process.
  static func timeDigest(_ argv: [String]) -> UInt64 {
    let t0 = System.now()
    let r = System.run(argv)
    let nanos = System.now() - t0
    guard r.status == 0, r.output.count >= 64 else { System.fail("\(argv.joined(separator: " ")) failed (status \(r.status))") }
    return nanos
  }

  /// Calls `body` with the file's bytes, `chunkBytes` at a time; whatever
  /// `body` leaves unconsumed (its return value: bytes kept from the end) is
  /// moved to the front and followed by the next read.
  static func scan(_ path: String, _ body: (ArraySlice<UInt8>) -> Int) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { System.fail("cannot open \(path)") }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: chunkBytes)
    var filled = 0
    while true {
      let r = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, chunkBytes - filled) }
      if r < 0 && errno == EINTR { continue }
      guard r >= 0 else { System.fail("read \(path) failed: \(String(cString: strerror(errno)))") }
      if r == 0 && filled == 0 { return }
      filled += r
      let kept = body(buffer[0..<filled])
      if r == 0 && kept == filled { System.fail("\(path) does not end with a newline") }
      if kept == chunkBytes { System.fail("\(path) holds a line longer than \(chunkBytes) bytes") }
      if kept > 0 { buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + filled - kept, kept) } }
      filled = kept
    }
  }

  /// SHA-256 in this process over the file, one call per 1 MiB chunk.
  static func chunked(_ path: String) -> UInt64 {
    var last = TreeHash.empty
    let t0 = System.now()
    scan(path) { chunk in
      last = TreeHash.leaf(chunk)
      return 0
    }
    let nanos = System.now() - t0
    if last == TreeHash.empty { print("") }  // keeps the hashes observable
    return nanos
  }

  /// The Merkle root of the file's lines (the tree of PROOFS.md §1, a leaf a
  /// line), hashed in this process as the tile cache's build hashes them:
  /// leaf hashes, each full tile's 255 node hashes, then the root over the
  /// tiles. Independent of the journal's tree code, so its root checks it.
  static func tree(_ path: String) -> (lines: Int, root: TreeHash, nanos: UInt64) {
    var tiles: [TreeHash] = []
    var leaves: [TreeHash] = []
    leaves.reserveCapacity(256)
    var lines = 0
    let t0 = System.now()
    scan(path) { chunk in
      chunk.withUnsafeBytes { b in
        var start = 0
        while start < b.count, let newline = memchr(b.baseAddress! + start, 0x0A, b.count - start) {
          let end = b.baseAddress!.distance(to: UnsafeRawPointer(newline))
          leaves.append(TreeHash.leaf(lineWithoutNewline: chunk[(chunk.startIndex + start)..<(chunk.startIndex + end)]))
          lines += 1
          if leaves.count == 256 {
            tiles.append(mth(leaves[...]))
            leaves.removeAll(keepingCapacity: true)
          }
          start = end + 1
        }
        return b.count - start
      }
    }
    if !leaves.isEmpty { tiles.append(mth(leaves[...])) }
    let root = tiles.isEmpty ? TreeHash.empty : mth(tiles[...])
    return (lines, root, System.now() - t0)
  }

  /// MTH of RFC 9162 §2.1.1 over `hashes` (≥ 1): split at the largest power of two below the count.
  static func mth(_ hashes: ArraySlice<TreeHash>) -> TreeHash {
    guard hashes.count > 1 else { return hashes.first! }
    let k = 1 << (Int.bitWidth - 1 - (hashes.count - 1).leadingZeroBitCount)
    return TreeHash.node(mth(hashes.prefix(k)), mth(hashes.dropFirst(k)))
  }
}
