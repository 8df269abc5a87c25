/// Where the Merkle algorithms get the hash of a subtree: MTH (RFC 9162
/// §2.1.1) of the leaves in a range. The algorithms ask only for the ranges
/// their recursion visits; a source answers from leaves in memory
/// (``LeafHashes``) or from the journal and its tile cache (``JournalTree``).
public protocol SubtreeHashes {
  /// MTH of the leaves in `range` (never empty).
  mutating func hash(of range: Range<UInt64>) throws(JournalError) -> TreeHash
}

/// Leaf hashes held in memory: MTH of any range, by RFC 9162's recursion.
///
/// ```swift
/// var tree = LeafHashes(lines.map { TreeHash.leaf($0) })
/// let root = try Merkle.root(size: 3, from: &tree)
/// ```
public struct LeafHashes: SubtreeHashes, Sendable {
  public var leaves: [TreeHash]

  public init(_ leaves: [TreeHash]) { self.leaves = leaves }

  public mutating func hash(of range: Range<UInt64>) throws(JournalError) -> TreeHash {
    precondition(!range.isEmpty && range.upperBound <= UInt64(leaves.count))
    return Self.mth(leaves[Int(range.lowerBound)..<Int(range.upperBound)])
  }

  /// MTH of a non-empty run of leaf hashes.
  static func mth(_ leaves: ArraySlice<TreeHash>) -> TreeHash {
    if leaves.count == 1 { return leaves[leaves.startIndex] }
    let k = Int(Merkle.split(UInt64(leaves.count)))
    let mid = leaves.startIndex + k
    return TreeHash.node(mth(leaves[..<mid]), mth(leaves[mid...]))
  }
}
