import Glibc
import Journal

/// The Merkle tree over the journal's lines (`JournalTree`, its tile cache
/// `index/merkle.tiles`, `CheckpointLog`): the cache's first build, roots and
/// proofs once it is warm, and signing a checkpoint, cold then warm.
enum MerkleBench {
  /// One warm root or proof: what it read and how long it took (fresh `JournalTree` each time).
  struct Probe {
    var key: String
    var label: String
    /// Lines read (and hashed) from the journal, as `JournalTree.linesRead` counts them.
    var linesRead = 0
    /// Hashes in the answer (the path or proof; 1 for a root).
    var hashes = 0
    var nanos: [Double] = []
  }

  struct Figures {
    /// The journal's JSON Lines, newlines included: the bytes the tree hashes.
    var rawBytes: Int64 = 0
    /// Bytes per second.
    var build = Throughput()
    var sha256sum = Throughput()
    var openssl = Throughput()
    var inProcessChunks = Throughput()
    var inProcessTree = Throughput()
    var readAlone = Throughput()
    /// Tile hashes in the saved cache (⌊N/256⌋).
    var tiles = 0
    var probes: [Probe] = []
    var signColdSize: UInt64 = 0
    /// The lines (with newlines) of the first `signColdSize` events: what the cold sign hashes.
    var signColdBytes: Int64 = 0
    var signColdNanos: [Double] = []
    var signWarmNanos: [Double] = []

    var buildOverSHA256sum: Double { build.stats.median / sha256sum.stats.median }
    /// The cold sign's bytes per second (median).
    var signColdRate: Double { Double(signColdBytes) / (Stats(signColdNanos).median / 1e9) }
    var maxProofLinesRead: Int { probes.map(\.linesRead).max() ?? 0 }
  }

  /// The first build of the tile cache: the file removed, every leaf hashed
  /// from the lines, the tiles saved. Returns the tiles, the root at `size`,
  /// the bytes hashed (lines with their newlines), those of the first
  /// `prefix` lines, and the time taken.
  static func build(journal: String, size: UInt64, prefix: UInt64 = 0) -> (
    tiles: Int, root: TreeHash, bytes: Int64, prefixBytes: Int64, nanos: UInt64
  ) {
    unlink(journal + "/index/merkle.tiles")
    var out = (tiles: 0, root: TreeHash.empty, bytes: Int64(0), prefixBytes: Int64(0), nanos: UInt64(0))
    JournalBench.guarded("the Merkle tree's first build") { () throws(JournalError) in
      var bytes: Int64 = 0
      var prefixBytes: Int64 = 0
      let t0 = System.now()
      var tree = try JournalTree(journal: journal)
      tree.distrust(from: 0)
      try tree.extend(to: size) { (r: Record) throws(JournalError) in
        bytes += Int64(r.bytes.count + 1)
        if r.seq == prefix { prefixBytes = bytes }
      }
      try tree.save()
      let nanos = System.now() - t0
      out = (tree.tiles.count, try Merkle.root(size: size, from: &tree), bytes, prefixBytes, nanos)
    }
    return out
  }

  /// Reads every line (read-ahead on, as the build reads them) without hashing.
  static func readAlone(journal: String) -> (lines: Int, nanos: UInt64) {
    var lines = 0
    var sink = 0
    let t0 = System.now()
    JournalBench.guarded("read \(journal)") { () throws(JournalError) in
      var it = try Reader(at: journal).records(from: 1, readAhead: true)
      while let r = try it.next() {
        sink &+= r.bytes.count
        lines += 1
      }
    }
    let nanos = System.now() - t0
    if sink == 42 { print("") }  // keeps the touches observable
    return (lines, nanos)
  }

  /// With the cache saved: the root at `size`, an inclusion path for a leaf
  /// in the middle and one in the last (partial) tile, and a consistency
  /// proof from `size / 2`; each `repeats` times from a fresh tree, each
  /// checked against `root`.
  static func warm(journal: String, size: UInt64, root: TreeHash, repeats: Int) -> [Probe] {
    let middle = size / 2
    let old = size / 2
    var oldRoot = TreeHash.empty
    var leaves: [UInt64: TreeHash] = [:]
    JournalBench.guarded("the leaves and old root of the warm proofs") { () throws(JournalError) in
      let reader = try Reader(at: journal)
      for index in [middle, size - 1] { leaves[index] = TreeHash.leaf(lineWithoutNewline: try reader.record(seq: index + 1).bytes) }
      var tree = try JournalTree(journal: journal)
      try tree.extend(to: old)
      oldRoot = try Merkle.root(size: old, from: &tree)
    }
    var probes = [
      Probe(key: "root", label: "root at N"),
      Probe(key: "inclusion_middle", label: "inclusion path, leaf \(middle) (middle)"),
      Probe(key: "inclusion_last_tile", label: "inclusion path, leaf \(size - 1) (last tile)"),
      Probe(key: "consistency", label: "consistency proof \(old) → N"),
    ]
    for _ in 0..<repeats {
      for k in probes.indices {
        let key = probes[k].key
        var hashes: [TreeHash] = []
        var lines = 0
        let t0 = System.now()
        JournalBench.guarded("a warm \(key)") { () throws(JournalError) in
          var tree = try JournalTree(journal: journal)
          try tree.extend(to: size)
          switch key {
          case "root": hashes = [try Merkle.root(size: size, from: &tree)]
          case "inclusion_middle": hashes = try Merkle.inclusionPath(index: middle, size: size, from: &tree)
          case "inclusion_last_tile": hashes = try Merkle.inclusionPath(index: size - 1, size: size, from: &tree)
          default: hashes = try Merkle.consistencyProof(old: old, new: size, from: &tree)
          }
          lines = tree.linesRead
        }
        probes[k].nanos.append(Double(System.now() - t0))
        probes[k].linesRead = lines
        probes[k].hashes = hashes.count
        let valid =
          switch key {
          case "root": hashes == [root]
          case "inclusion_middle": Merkle.verifyInclusion(index: middle, size: size, leaf: leaves[middle]!, path: hashes, root: root)
          case "inclusion_last_tile":
            Merkle.verifyInclusion(index: size - 1, size: size, leaf: leaves[size - 1]!, path: hashes, root: root)
          default: Merkle.verifyConsistency(old: old, new: size, oldRoot: oldRoot, newRoot: root, proof: hashes)
          }
        guard valid else { System.fail("the warm \(key) at size \(size) does not verify against the root") }
      }
    }
    return probes
  }

  /// On a fresh copy of the journal: sets up signing, signs at `cold` (no
  /// checkpoint yet: every line hashed and checked on the chain), then at
  /// the head (from the tile of `cold` on). Returns both times and the head's root.
  static func sign(journal: String, copy: String, cold: UInt64) -> (coldNanos: UInt64, warmNanos: UInt64, root: TreeHash) {
    System.removeTree(copy)
    let cp = System.run(["/bin/cp", "-r", journal, copy])
    guard cp.status == 0 else { System.fail("cp -r \(journal) \(copy) failed") }
    unlink(copy + "/index/merkle.tiles")
    var out = (coldNanos: UInt64(0), warmNanos: UInt64(0), root: TreeHash.empty)
    JournalBench.guarded("signing checkpoints of \(copy)") { () throws(JournalError) in
      let origin = "example.org/ess/bench"
      let signer = try NoteSigner(name: origin, seed: [UInt8](repeating: 0xB5, count: 32))
      let log = try CheckpointLog(journal: copy)
      try log.setUp(origin: origin, signer: signer.verifier)
      let t0 = System.now()
      _ = try log.sign(size: cold, signer: signer)
      let t1 = System.now()
      let (signed, _) = try log.sign(signer: signer)
      let t2 = System.now()
      out = (t1 - t0, t2 - t1, signed.checkpoint.root)
    }
    System.removeTree(copy)
    return out
  }
}
