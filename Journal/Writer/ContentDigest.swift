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
    func field(_ bytes: some Collection<UInt8>, present: Bool = true) {
      var header = [UInt8](repeating: 0, count: 9)
      header[0] = present ? 1 : 0
      let n = UInt64(bytes.count)
      for k in 0..<8 { header[1 + k] = UInt8(truncatingIfNeeded: n >> (8 * UInt64(k))) }
      hasher.update(data: header)
      hasher.update(data: Array(bytes))
    }
    field(Array(event.type.utf8))
    field(Array(event.occurredOn.utf8))
    field(Array(event.author.utf8))
    field(Array((event.source ?? "").utf8), present: event.source != nil)
    field(Array((event.reason ?? "").utf8), present: event.reason != nil)
    field(event.canonicalData)
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
