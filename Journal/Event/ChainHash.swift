import Crypto

/// A SHA-256 digest in the hash chain, written `sha256:<64 lowercase hex>`.
///
/// `hash(n) = SHA-256( prev(n) as its 71 ASCII characters ‖ 0x0A ‖ body(n) )`,
/// where `body(n)` is the event's canonical line without `prev` and `hash`
/// (see `FORMAT.md`, "Hash chain"). `prev(1)` is ``zero``.
public struct ChainHash: Sendable, Hashable, CustomStringConvertible {
  /// The 32 bytes as four big-endian words, held inline: a hash is made for every event appended or read, and
  /// an array of bytes would cost an allocation (and its reference counting) each time.
  let w0: UInt64
  let w1: UInt64
  let w2: UInt64
  let w3: UInt64

  /// The 32 bytes of the digest.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for k in 0..<4 { withUnsafeBytes(of: word(k).bigEndian) { out.append(contentsOf: $0) } }
    return out
  }

  /// Word `k` (0…3), most significant first.
  @inline(__always)
  func word(_ k: Int) -> UInt64 {
    switch k {
    case 0: w0
    case 1: w1
    case 2: w2
    default: w3
    }
  }

  public static let zero = ChainHash(w0: 0, w1: 0, w2: 0, w3: 0)
  /// Length of the written form, `sha256:` and 64 hex digits.
  public static let textLength = 71

  init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
    self.w0 = w0
    self.w1 = w1
    self.w2 = w2
    self.w3 = w3
  }

  init(bytes: some Collection<UInt8>) {
    precondition(bytes.count == 32)
    self.init(raw: bytes)
  }

  /// From exactly 32 bytes (checked by the caller).
  private init(raw bytes: some Collection<UInt8>) {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &words) { out in
      for (i, b) in bytes.enumerated() { out[i] = b }
    }
    self.init(
      w0: UInt64(bigEndian: words.0), w1: UInt64(bigEndian: words.1), w2: UInt64(bigEndian: words.2), w3: UInt64(bigEndian: words.3))
  }

  /// A digest from its 32 bytes; nil for any other length.
  public init?(digest: [UInt8]) {
    guard digest.count == 32 else { return nil }
    self.init(raw: digest)
  }

  /// Parses `sha256:<64 lowercase hex>`; nil for anything else.
  public init?(_ text: some StringProtocol) {
    var text = String(text)
    guard let hash = text.withUTF8({ ChainHash.parse($0) }) else { return nil }
    self = hash
  }

  /// Parses the 71 bytes `sha256:<64 lowercase hex>`; nil for anything else.
  static func parse(_ u: UnsafeBufferPointer<UInt8>) -> ChainHash? {
    guard u.count == ChainHash.textLength, u[0] == 0x73, u[1] == 0x68, u[2] == 0x61, u[3] == 0x32, u[4] == 0x35,
      u[5] == 0x36, u[6] == 0x3A
    else { return nil }
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    let valid = withUnsafeMutableBytes(of: &words) { raw -> Bool in
      let w = raw.bindMemory(to: UInt64.self)
      for k in 0..<64 {
        guard let v = ChainHash.nibble(u[7 + k]) else { return false }
        w[k / 16] = w[k / 16] << 4 | UInt64(v)
      }
      return true
    }
    return valid ? ChainHash(w0: words.0, w1: words.1, w2: words.2, w3: words.3) : nil
  }

  public static func == (a: ChainHash, b: ChainHash) -> Bool {
    a.w0 == b.w0 && a.w1 == b.w1 && a.w2 == b.w2 && a.w3 == b.w3
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(w0)
    hasher.combine(w1)
    hasher.combine(w2)
    hasher.combine(w3)
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
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ChainHash.textLength) { p in
      // "sha256:"
      p[0] = 0x73
      p[1] = 0x68
      p[2] = 0x61
      p[3] = 0x32
      p[4] = 0x35
      p[5] = 0x36
      p[6] = 0x3A
      for k in 0..<4 {
        let w = word(k)
        for n in 0..<16 { p[7 + k * 16 + n] = Hex.digit(UInt8(truncatingIfNeeded: w >> UInt64(60 - 4 * n)) & 15) }
      }
      out.append(contentsOf: UnsafeBufferPointer(p))
    }
  }

  /// The next link from `prev`'s text (71 bytes): SHA-256 of it, a newline, and `body`.
  static func link(prevText: [UInt8], body: ArraySlice<UInt8>) -> ChainHash {
    var hasher = SHA256()
    prevText.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
    body.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return hasher.finalize().withUnsafeBytes { ChainHash(raw: $0) }
  }

  /// The next link: SHA-256 of `prev` (as text), a newline, and `body`.
  public static func link(prev: ChainHash, body: some Collection<UInt8>) -> ChainHash {
    link(prevText: prev.text, body: Array(body)[...])
  }

}
