import Crypto

/// What two events with the same id must share to be the same event (type,
/// occurredOn, author, source, reason, canonical data), as 16 bytes of
/// SHA-256 over those fields, each length-prefixed: so that a batch of any
/// size remembers the content of the ids it was given without keeping the
/// events.
struct ContentDigest: Sendable, Hashable {
  let hi: UInt64
  let lo: UInt64

  init(_ event: NewEvent) {
    var hasher = SHA256()
    func field(_ bytes: UnsafeRawBufferPointer, present: Bool = true) {
      var header: (UInt8, UInt64) = (present ? 1 : 0, UInt64(bytes.count).littleEndian)
      withUnsafeBytes(of: &header.0) { hasher.update(bufferPointer: $0) }
      withUnsafeBytes(of: &header.1) { hasher.update(bufferPointer: $0) }
      hasher.update(bufferPointer: bytes)
    }
    func text(_ s: String?) {
      var copy = s ?? ""
      copy.withUTF8 { field(UnsafeRawBufferPointer($0), present: s != nil) }
    }
    text(event.type)
    text(event.occurredOn)
    text(event.author)
    text(event.source)
    text(event.reason)
    event.canonicalData.withUnsafeBytes { field($0) }
    let d = Array(hasher.finalize())
    var h: UInt64 = 0
    var l: UInt64 = 0
    for k in 0..<8 {
      h = h << 8 | UInt64(d[k])
      l = l << 8 | UInt64(d[8 + k])
    }
    hi = h
    lo = l
  }
}
