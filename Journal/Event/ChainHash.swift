import Crypto

/// A SHA-256 digest in the hash chain, written `sha256:<64 lowercase hex>`.
///
/// `hash(n) = SHA-256( prev(n) as its 71 ASCII characters ‖ 0x0A ‖ body(n) )`,
/// where `body(n)` is the event's canonical line without `prev` and `hash`
/// (see `FORMAT.md`, "Hash chain"). `prev(1)` is ``zero``.
public struct ChainHash: Sendable, Hashable, CustomStringConvertible {
  public let bytes: [UInt8]

  public static let zero = ChainHash(bytes: [UInt8](repeating: 0, count: 32))
  /// Length of the written form, `sha256:` and 64 hex digits.
  public static let textLength = 71

  init(bytes: [UInt8]) {
    precondition(bytes.count == 32)
    self.bytes = bytes
  }

  /// A digest from its 32 bytes; nil for any other length.
  public init?(digest: [UInt8]) {
    guard digest.count == 32 else { return nil }
    self.bytes = digest
  }

  /// Parses `sha256:<64 lowercase hex>`; nil for anything else.
  public init?(_ text: some StringProtocol) {
    let u = Array(text.utf8)
    guard u.count == ChainHash.textLength, u.starts(with: Array("sha256:".utf8)) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(32)
    var i = 7
    while i < u.count {
      guard let hi = ChainHash.nibble(u[i]), let lo = ChainHash.nibble(u[i + 1]) else { return nil }
      out.append(hi << 4 | lo)
      i += 2
    }
    self.bytes = out
  }

  static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: return c - 48
    case 97...102: return c - 87
    default: return nil
    }
  }

  public var description: String { String(decoding: text, as: UTF8.self) }

  /// The 71 ASCII bytes `sha256:…`.
  public var text: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(ChainHash.textLength)
    appendText(to: &out)
    return out
  }

  /// Appends the 71 ASCII bytes `sha256:…` to `out`.
  public func appendText(to out: inout [UInt8]) {
    out.append(contentsOf: ChainHash.prefix)
    for b in bytes {
      out.append(ChainHash.hexDigits[Int(b >> 4)])
      out.append(ChainHash.hexDigits[Int(b & 15)])
    }
  }

  static let prefix: [UInt8] = Array("sha256:".utf8)
  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// The next link from `prev`'s text (71 bytes): SHA-256 of it, a newline, and `body`.
  static func link(prevText: [UInt8], body: ArraySlice<UInt8>) -> ChainHash {
    var hasher = SHA256()
    prevText.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
    body.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return ChainHash(bytes: Array(hasher.finalize()))
  }

  /// The next link: SHA-256 of `prev` (as text), a newline, and `body`.
  public static func link(prev: ChainHash, body: some Collection<UInt8>) -> ChainHash {
    link(prevText: prev.text, body: Array(body)[...])
  }

}
