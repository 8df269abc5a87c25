/// Values by journal seq, for tables that most seqs fill: an array indexed
/// by seq − 1 (no hashing, appends in seq order), read and written like a
/// dictionary.
struct SeqTable<Value: Sendable & Equatable>: Sendable, Equatable {
  private var slots: [Value?] = []
  /// How many seqs have a value.
  private(set) var count = 0

  subscript(_ seq: UInt64) -> Value? {
    get { seq >= 1 && seq <= UInt64(slots.count) ? slots[Int(seq - 1)] : nil }
    set {
      guard seq >= 1 else { return }
      let i = Int(seq - 1)
      if i >= slots.count {
        guard newValue != nil else { return }
        while slots.count <= i { slots.append(nil) }
      }
      count += (newValue != nil ? 1 : 0) - (slots[i] != nil ? 1 : 0)
      slots[i] = newValue
    }
  }

  @discardableResult
  mutating func removeValue(forKey seq: UInt64) -> Value? {
    let old = self[seq]
    if old != nil { self[seq] = nil }
    return old
  }

  mutating func reserveCapacity(_ seqs: Int) { slots.reserveCapacity(seqs) }

  /// Every (seq, value), by seq.
  var entries: [(seq: UInt64, value: Value)] {
    slots.indices.compactMap { i in slots[i].map { (UInt64(i + 1), $0) } }
  }

  static func == (a: SeqTable, b: SeqTable) -> Bool {
    // Trailing empty slots do not count.
    a.count == b.count && a.entries.elementsEqual(b.entries) { $0.seq == $1.seq && $0.value == $1.value }
  }
}
