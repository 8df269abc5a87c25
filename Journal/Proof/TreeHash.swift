import Crypto

/// A 32-byte hash of the Merkle tree over the journal's lines (RFC 9162
/// §2.1, see the Format article, "Merkle tree and checkpoints"): a leaf is
/// `SHA-256(0x00 ‖ line)`, the line with its final newline; a node is
/// `SHA-256(0x01 ‖ left ‖ right)`; the empty tree is `SHA-256("")`.
///
/// ```swift
/// let leaf = TreeHash.leaf(lineWithoutNewline: record.bytes)
/// let root = TreeHash.node(leaf, other)
/// print(root.base64)                      // 44 characters
/// ```
public struct TreeHash: Sendable, Hashable, CustomStringConvertible {
  var value: SIMD32<UInt8>

  init(value: SIMD32<UInt8>) { self.value = value }

  /// A hash from exactly 32 bytes; nil for any other length.
  public init?(bytes: some Collection<UInt8>) {
    guard bytes.count == 32 else { return nil }
    var v = SIMD32<UInt8>()
    for (i, b) in bytes.enumerated() { v[i] = b }
    value = v
  }

  /// A hash from its base64 text (44 characters); nil unless it decodes to exactly 32 bytes.
  public init?(base64 text: some StringProtocol) {
    guard let bytes = Base64.decode(text) else { return nil }
    self.init(bytes: bytes)
  }

  init(digest: SHA256Digest) {
    var v = SIMD32<UInt8>()
    withUnsafeMutableBytes(of: &v) { out in digest.withUnsafeBytes { out.copyMemory(from: $0) } }
    value = v
  }

  /// The 32 bytes.
  public var bytes: [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
  /// The standard, padded base64 of the 32 bytes.
  public var base64: String { Base64.encode(bytes) }
  /// The 64 lowercase hexadecimal digits.
  public var hex: String { Hex.encode(bytes) }
  public var description: String { base64 }

  /// The root of the empty tree, `SHA-256("")`.
  public static let empty = TreeHash(digest: SHA256.hash(data: [UInt8]()))

  /// The hash of a leaf given whole (the line with its final newline): `SHA-256(0x00 ‖ bytes)`.
  public static func leaf(_ bytes: some Collection<UInt8>) -> TreeHash {
    var hasher = SHA256()
    withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
    let done: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    if done == nil { Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) } }
    return TreeHash(digest: hasher.finalize())
  }

  /// The hash of a journal line as a ``Record`` holds it (without its newline):
  /// `SHA-256(0x00 ‖ line ‖ 0x0A)`.
  public static func leaf(lineWithoutNewline line: ArraySlice<UInt8>) -> TreeHash {
    var hasher = SHA256()
    withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
    line.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
    return TreeHash(digest: hasher.finalize())
  }

  /// The hash of an inner node: `SHA-256(0x01 ‖ left ‖ right)`.
  public static func node(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
    withUnsafeTemporaryAllocation(byteCount: 65, alignment: 1) { buffer in
      buffer[0] = 1
      withUnsafeBytes(of: left.value) { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
      withUnsafeBytes(of: right.value) { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
      var hasher = SHA256()
      hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
      return TreeHash(digest: hasher.finalize())
    }
  }
}
