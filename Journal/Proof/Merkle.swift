/// The Merkle tree of RFC 9162 §2.1 over the journal's lines: roots,
/// inclusion paths (§2.1.3) and consistency proofs (§2.1.4), and their
/// verification, in the order of `golang.org/x/mod/sumdb/tlog` and
/// `transparency-dev/merkle` (the leaf's sibling first, the root's child last).
///
/// Leaf `i` is the line of seq `i + 1`; the tree of size `S` holds the first
/// `S` events. Making a proof asks a ``SubtreeHashes`` source for the hashes
/// of the subtrees it needs; verifying one needs only hashes.
///
/// ```swift
/// var tree = LeafHashes(leaves)
/// let path = try Merkle.inclusionPath(index: 1, size: 3, from: &tree)
/// Merkle.verifyInclusion(index: 1, size: 3, leaf: leaves[1], path: path, root: root)   // true
/// ```
public enum Merkle {
  /// The largest power of two strictly below `n` (`n` ≥ 2): where RFC 9162 splits a tree.
  static func split(_ n: UInt64) -> UInt64 { 1 << (63 - (n - 1).leadingZeroBitCount) }

  /// MTH of the first `size` leaves (``TreeHash/empty`` for 0).
  public static func root(size: UInt64, from source: inout some SubtreeHashes) throws(JournalError) -> TreeHash {
    size == 0 ? .empty : try source.hash(of: 0..<size)
  }

  /// PATH(index, D[size]) of RFC 9162 §2.1.3.1: the hashes that lead from leaf
  /// `index` to the root of the tree of `size` leaves (`index` < `size`).
  public static func inclusionPath(index: UInt64, size: UInt64, from source: inout some SubtreeHashes) throws(JournalError)
    -> [TreeHash]
  {
    precondition(index < size)
    var path: [TreeHash] = []
    try appendPath(index, 0..<size, source: &source, into: &path)
    return path
  }

  private static func appendPath(
    _ m: UInt64, _ range: Range<UInt64>, source: inout some SubtreeHashes, into path: inout [TreeHash]
  ) throws(JournalError) {
    let n = UInt64(range.count)
    guard n > 1 else { return }
    let k = split(n)
    let mid = range.lowerBound + k
    if m < k {
      try appendPath(m, range.lowerBound..<mid, source: &source, into: &path)
      path.append(try source.hash(of: mid..<range.upperBound))
    } else {
      try appendPath(m - k, mid..<range.upperBound, source: &source, into: &path)
      path.append(try source.hash(of: range.lowerBound..<mid))
    }
  }

  /// PROOF(old, D[new]) of RFC 9162 §2.1.4.1: the hashes that show the tree of
  /// `old` leaves is a prefix of the tree of `new` leaves (empty when `old` is 0 or `new`).
  public static func consistencyProof(old: UInt64, new: UInt64, from source: inout some SubtreeHashes) throws(JournalError)
    -> [TreeHash]
  {
    precondition(old <= new)
    var proof: [TreeHash] = []
    guard old > 0, old < new else { return proof }
    try appendSubproof(old, 0..<new, complete: true, source: &source, into: &proof)
    return proof
  }

  private static func appendSubproof(
    _ m: UInt64, _ range: Range<UInt64>, complete: Bool, source: inout some SubtreeHashes, into proof: inout [TreeHash]
  ) throws(JournalError) {
    let n = UInt64(range.count)
    if m == n {
      if !complete { proof.append(try source.hash(of: range)) }
      return
    }
    let k = split(n)
    let mid = range.lowerBound + k
    if m <= k {
      try appendSubproof(m, range.lowerBound..<mid, complete: complete, source: &source, into: &proof)
      proof.append(try source.hash(of: mid..<range.upperBound))
    } else {
      try appendSubproof(m - k, mid..<range.upperBound, complete: false, source: &source, into: &proof)
      proof.append(try source.hash(of: range.lowerBound..<mid))
    }
  }

  /// RFC 9162 §2.1.3.2: the root that `path` leads to from `leaf` at `index`
  /// in a tree of `size` leaves, or nil if the path cannot belong to such a tree.
  public static func root(fromInclusion path: [TreeHash], index: UInt64, size: UInt64, leaf: TreeHash) -> TreeHash? {
    guard index < size else { return nil }
    var fn = index
    var sn = size - 1
    var r = leaf
    for p in path {
      guard sn != 0 else { return nil }
      if fn & 1 == 1 || fn == sn {
        r = TreeHash.node(p, r)
        climbPastRightEdge(&fn, &sn)
      } else {
        r = TreeHash.node(r, p)
      }
      fn >>= 1
      sn >>= 1
    }
    return sn == 0 ? r : nil
  }

  /// The verifiers' step after a hash joined on the left: shift both indexes
  /// right until the node is a right child or the root (RFC 9162's "until
  /// either LSB(fn) is set or fn is 0").
  @inline(__always)
  static func climbPastRightEdge(_ fn: inout UInt64, _ sn: inout UInt64) {
    while fn & 1 == 0 && fn != 0 {
      fn >>= 1
      sn >>= 1
    }
  }

  /// RFC 9162 §2.1.3.2: whether `path` proves `leaf` is leaf `index` of the tree of `size` leaves with `root`.
  public static func verifyInclusion(index: UInt64, size: UInt64, leaf: TreeHash, path: [TreeHash], root: TreeHash) -> Bool {
    Self.root(fromInclusion: path, index: index, size: size, leaf: leaf) == root
  }

  /// RFC 9162 §2.1.4.2, with its edge cases as tlog-witness states them:
  /// equal sizes need an empty proof and equal roots; an old size of 0 needs
  /// an empty proof and the empty tree's root.
  public static func verifyConsistency(
    old: UInt64, new: UInt64, oldRoot: TreeHash, newRoot: TreeHash, proof: [TreeHash]
  ) -> Bool {
    guard old <= new else { return false }
    if old == new { return proof.isEmpty && oldRoot == newRoot }
    if old == 0 { return proof.isEmpty && oldRoot == .empty }
    guard !proof.isEmpty else { return false }
    var path = proof[...]
    var seed: TreeHash
    if old & (old - 1) == 0 {
      seed = oldRoot  // a power of two: the old tree is a node of the new one, not in the proof
    } else {
      seed = path.removeFirst()
    }
    var fn = old - 1
    var sn = new - 1
    while fn & 1 == 1 {
      fn >>= 1
      sn >>= 1
    }
    var fr = seed
    var sr = seed
    for c in path {
      guard sn != 0 else { return false }
      if fn & 1 == 1 || fn == sn {
        fr = TreeHash.node(c, fr)
        sr = TreeHash.node(c, sr)
        climbPastRightEdge(&fn, &sn)
      } else {
        sr = TreeHash.node(sr, c)
      }
      fn >>= 1
      sn >>= 1
    }
    return fr == oldRoot && sr == newRoot && sn == 0
  }
}
