/// The Merkle tree grown one leaf at a time, keeping only the roots of its
/// perfect subtrees (at most 64): the root of every prefix, in one pass and
/// constant memory. Used to check stored checkpoints against the lines and
/// to hash tiles.
///
/// ```swift
/// var tree = TreeBuilder()
/// for line in lines { tree.append(TreeHash.leaf(line)) }
/// tree.root        // MTH of all the lines
/// ```
public struct TreeBuilder: Sendable {
  /// Perfect subtrees, largest (leftmost) first: their sizes are the bits of ``size``.
  var subtrees: [(size: UInt64, hash: TreeHash)] = []
  /// The number of leaves appended.
  public private(set) var size: UInt64 = 0

  public init() {}

  /// Appends one leaf hash.
  public mutating func append(_ leaf: TreeHash) { append(subtree: leaf, size: 1) }

  /// Appends the root of a perfect subtree of `size` leaves (a power of two),
  /// which must start at a multiple of `size` (e.g. a whole tile).
  mutating func append(subtree hash: TreeHash, size width: UInt64) {
    precondition(width & (width - 1) == 0 && size % width == 0)
    var h = hash
    var w = width
    while let last = subtrees.last, last.size == w {
      subtrees.removeLast()
      h = TreeHash.node(last.hash, h)
      w *= 2
    }
    subtrees.append((w, h))
    size += width
  }

  /// MTH of the leaves appended so far (``TreeHash/empty`` if none).
  public var root: TreeHash {
    guard var r = subtrees.last?.hash else { return .empty }
    for i in stride(from: subtrees.count - 2, through: 0, by: -1) { r = TreeHash.node(subtrees[i].hash, r) }
    return r
  }
}
