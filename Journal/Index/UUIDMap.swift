/// A hash map from ``UUIDKey`` to `Value`, for the id lookups every append
/// makes (the ids of the last segment, of the closed ones, of the batch).
///
/// `Dictionary` hashes a key with SipHash through `Hasher`: about a fifth of
/// a bulk append's thread went there. A UUID is already 128 bits, random
/// when drawn; one multiplication of its two words, each mixed with a seed
/// drawn per process, spreads even chosen ids (sequential, all zeros but one
/// digit) over the table, and the seed keeps collisions out of a caller's reach.
///
/// Entries are kept densely in insertion order; the slot table (open
/// addressing, linear probing, at most half full) holds each entry's place and
/// a few bits of its hash, so a probe that misses rarely reads a key. Entries
/// are never removed one by one (``removeAll(keepingCapacity:)`` empties it).
struct UUIDMap<Value> {
  private(set) var keys: [UUIDKey] = []
  private(set) var values: [Value] = []
  /// 0: empty; else the entry's place + 1 (low 32 bits) and the hash's high 32 bits.
  private var slots: [UInt64]
  private var mask: Int
  private let seed: (UInt64, UInt64)

  init(minimumCapacity: Int = 0) {
    seed = uuidMapSeed
    var size = 16
    while size < minimumCapacity * 2 { size <<= 1 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    keys.reserveCapacity(minimumCapacity)
    values.reserveCapacity(minimumCapacity)
  }

  var count: Int { keys.count }

  @inline(__always)
  private func hash(_ k: UUIDKey) -> UInt64 {
    let m = (k.hi ^ seed.0).multipliedFullWidth(by: k.lo ^ seed.1)
    return m.high ^ m.low
  }

  /// The slot holding `k`, or the empty slot where it would go.
  @inline(__always)
  private func probe(_ k: UUIDKey, _ h: UInt64) -> (slot: Int, place: Int?) {
    let tag = h >> 32
    var i = Int(truncatingIfNeeded: h) & mask
    return slots.withUnsafeBufferPointer { s in
      keys.withUnsafeBufferPointer { ks in
        while true {
          let v = s[i]
          if v == 0 { return (i, nil) }
          if v >> 32 == tag {
            let place = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
            if ks[place] == k { return (i, place) }
          }
          i = (i + 1) & mask
        }
      }
    }
  }

  subscript(key: UUIDKey) -> Value? {
    get {
      guard let place = probe(key, hash(key)).place else { return nil }
      return values[place]
    }
    set {
      guard let newValue else { preconditionFailure("UUIDMap does not remove single entries") }
      insert(key, newValue)
    }
  }

  /// Sets the value of `key` (replacing the one it had).
  mutating func insert(_ key: UUIDKey, _ value: Value) {
    let h = hash(key)
    let (slot, place) = probe(key, h)
    if let place {
      values[place] = value
      return
    }
    slots[slot] = (h >> 32) << 32 | UInt64(keys.count + 1)
    keys.append(key)
    values.append(value)
    if keys.count * 2 > slots.count { grow(to: slots.count * 2) }
  }

  /// Makes room for `count` entries in all, without growing again until then.
  mutating func reserveCapacity(_ count: Int) {
    keys.reserveCapacity(count)
    values.reserveCapacity(count)
    var size = slots.count
    while size < count * 2 { size <<= 1 }
    if size > slots.count { grow(to: size) }
  }

  private mutating func grow(to size: Int) {
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
    for place in keys.indices {
      let h = hash(keys[place])
      var i = Int(truncatingIfNeeded: h) & mask
      while slots[i] != 0 { i = (i + 1) & mask }
      slots[i] = (h >> 32) << 32 | UInt64(place + 1)
    }
  }

  mutating func removeAll(keepingCapacity: Bool = false) {
    keys.removeAll(keepingCapacity: keepingCapacity)
    values.removeAll(keepingCapacity: keepingCapacity)
    if keepingCapacity {
      slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    } else {
      slots = [UInt64](repeating: 0, count: 16)
      mask = 15
    }
  }
}

extension UUIDMap: Sendable where Value: Sendable {}

/// The seed of every ``UUIDMap``, drawn once per process.
private let uuidMapSeed: (UInt64, UInt64) = {
  var g = SystemRandomNumberGenerator()
  return (g.next() | 1, g.next())
}()
