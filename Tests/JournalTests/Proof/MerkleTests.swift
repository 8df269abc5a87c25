import Crypto
import Testing

@testable import Journal

/// RFC 9162 §2.1 written directly from its definitions, to check the
/// algorithms against (MTH, PATH, PROOF on arrays of leaf hashes).
enum Reference {
  static func mth(_ d: ArraySlice<TreeHash>) -> TreeHash {
    if d.isEmpty { return .empty }
    if d.count == 1 { return d[d.startIndex] }
    var k = 1
    while k * 2 < d.count { k *= 2 }
    let mid = d.startIndex + k
    return .node(mth(d[..<mid]), mth(d[mid...]))
  }

  static func path(_ m: Int, _ d: ArraySlice<TreeHash>) -> [TreeHash] {
    if d.count <= 1 { return [] }
    var k = 1
    while k * 2 < d.count { k *= 2 }
    let mid = d.startIndex + k
    return m < k ? path(m, d[..<mid]) + [mth(d[mid...])] : path(m - k, d[mid...]) + [mth(d[..<mid])]
  }

  static func subproof(_ m: Int, _ d: ArraySlice<TreeHash>, _ b: Bool) -> [TreeHash] {
    if m == d.count { return b ? [] : [mth(d)] }
    var k = 1
    while k * 2 < d.count { k *= 2 }
    let mid = d.startIndex + k
    return m <= k ? subproof(m, d[..<mid], b) + [mth(d[mid...])] : subproof(m - k, d[mid...], false) + [mth(d[..<mid])]
  }
}

@Suite struct MerkleTests {
  static func leaves(_ n: Int, seed: UInt8 = 7) -> [TreeHash] {
    (0..<n).map { i in TreeHash.leaf(Array("{\"seq\":\(i + 1),\"x\":\(Int(seed) * 31 + i)}\n".utf8)) }
  }

  static func flipped(_ h: TreeHash, bit: Int) -> TreeHash {
    var b = h.bytes
    b[bit / 8] ^= UInt8(1 << (bit % 8))
    return TreeHash(bytes: b)!
  }

  @Test func emptyTreeAndHashesAreThoseOfRFC9162() {
    #expect(TreeHash.empty.base64 == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    let a = TreeHash.leaf(Array("a".utf8))
    #expect(a.bytes == Array(SHA256.hash(data: [0] + Array("a".utf8))))
    #expect(TreeHash.node(a, .empty).bytes == Array(SHA256.hash(data: [1] + a.bytes + TreeHash.empty.bytes)))
    #expect(TreeHash.leaf(lineWithoutNewline: Array("ab".utf8)[...]) == TreeHash.leaf(Array("ab\n".utf8)))
  }

  @Test func everyRootPathAndProofUpTo64MatchesTheDefinitions() throws {
    for size in 0...64 {
      let d = Self.leaves(size)
      var tree = LeafHashes(d)
      let root = try Merkle.root(size: UInt64(size), from: &tree)
      #expect(root == Reference.mth(d[...]))
      var builder = TreeBuilder()
      for l in d { builder.append(l) }
      #expect(builder.root == root, "size \(size)")
      for m in 0..<size {
        let path = try Merkle.inclusionPath(index: UInt64(m), size: UInt64(size), from: &tree)
        #expect(path == Reference.path(m, d[...]), "PATH(\(m), \(size))")
        #expect(Merkle.verifyInclusion(index: UInt64(m), size: UInt64(size), leaf: d[m], path: path, root: root))
        if m + 1 < size {
          #expect(!Merkle.verifyInclusion(index: UInt64(m + 1), size: UInt64(size), leaf: d[m], path: path, root: root))
        }
      }
      for old in 0...size {
        let proof = try Merkle.consistencyProof(old: UInt64(old), new: UInt64(size), from: &tree)
        let oldRoot = Reference.mth(d[..<old])
        let expected = old == 0 || old == size ? [] : Reference.subproof(old, d[...], true)
        #expect(proof == expected, "PROOF(\(old), \(size))")
        #expect(Merkle.verifyConsistency(old: UInt64(old), new: UInt64(size), oldRoot: oldRoot, newRoot: root, proof: proof))
        if old > 0 && old < size {
          #expect(!Merkle.verifyConsistency(old: UInt64(old), new: UInt64(size), oldRoot: root, newRoot: root, proof: proof))
        }
      }
    }
  }

  @Test func aFlippedBitAnywhereFailsVerification() throws {
    for size in 1...64 {
      let d = Self.leaves(size, seed: 3)
      var tree = LeafHashes(d)
      let root = try Merkle.root(size: UInt64(size), from: &tree)
      for m in 0..<size {
        let path = try Merkle.inclusionPath(index: UInt64(m), size: UInt64(size), from: &tree)
        for bit in stride(from: m % 7, to: 256, by: 37) {
          #expect(!Merkle.verifyInclusion(index: UInt64(m), size: UInt64(size), leaf: Self.flipped(d[m], bit: bit), path: path, root: root))
          #expect(!Merkle.verifyInclusion(index: UInt64(m), size: UInt64(size), leaf: d[m], path: path, root: Self.flipped(root, bit: bit)))
          for i in path.indices {
            var bad = path
            bad[i] = Self.flipped(bad[i], bit: bit)
            #expect(!Merkle.verifyInclusion(index: UInt64(m), size: UInt64(size), leaf: d[m], path: bad, root: root))
          }
        }
      }
      for old in 1..<size {
        let proof = try Merkle.consistencyProof(old: UInt64(old), new: UInt64(size), from: &tree)
        let oldRoot = Reference.mth(d[..<old])
        for i in proof.indices {
          var bad = proof
          bad[i] = Self.flipped(bad[i], bit: (i * 53 + old) % 256)
          #expect(!Merkle.verifyConsistency(old: UInt64(old), new: UInt64(size), oldRoot: oldRoot, newRoot: root, proof: bad))
        }
        #expect(
          !Merkle.verifyConsistency(
            old: UInt64(old), new: UInt64(size), oldRoot: Self.flipped(oldRoot, bit: old), newRoot: root, proof: proof))
        #expect(!Merkle.verifyConsistency(old: UInt64(old), new: UInt64(size), oldRoot: oldRoot, newRoot: root, proof: proof + [root]))
        #expect(
          !Merkle.verifyConsistency(old: UInt64(old), new: UInt64(size), oldRoot: oldRoot, newRoot: root, proof: Array(proof.dropLast())))
      }
    }
  }

  @Test func equalAndZeroSizesFollowTheWitnessRules() {
    let d = Self.leaves(5)
    let root = Reference.mth(d[...])
    #expect(Merkle.verifyConsistency(old: 5, new: 5, oldRoot: root, newRoot: root, proof: []))
    #expect(!Merkle.verifyConsistency(old: 5, new: 5, oldRoot: root, newRoot: root, proof: [root]))
    #expect(!Merkle.verifyConsistency(old: 5, new: 5, oldRoot: d[0], newRoot: root, proof: []))
    #expect(Merkle.verifyConsistency(old: 0, new: 5, oldRoot: .empty, newRoot: root, proof: []))
    #expect(!Merkle.verifyConsistency(old: 0, new: 5, oldRoot: d[0], newRoot: root, proof: []))
    #expect(!Merkle.verifyConsistency(old: 6, new: 5, oldRoot: root, newRoot: root, proof: []))
  }

  @Test func base64IsStrict() {
    #expect(Base64.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw==")
    #expect(Base64.decode("YW55IGNhcm5hbCBwbGVhcw==") == Array("any carnal pleas".utf8))
    #expect(Base64.decode("YW55IGNhcm5hbCBwbGVhcx==") == nil)  // stray bits
    #expect(Base64.decode("YW55IGNhcm5hbCBwbGVhcw") == nil)  // no padding
    #expect(Base64.decode("YW55=GNh") == nil)
    #expect(Base64.decode("YW55 GNh") == nil)
    for n in 0..<40 {
      let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
      #expect(Base64.decode(Base64.encode(bytes)) == bytes)
    }
    #expect(TreeHash(base64: "XZQpGwXM8IE391cWLVw27n94Eundtai9wy8XCODgTQ==") == nil)  // 31 bytes
  }
}
