/// Random damage to bytes, for the tests that compare two readers on damaged input.
extension Seeded {
  /// `bytes` with a number of edits drawn from `edits`, each replacing, inserting
  /// or removing one byte at a random place (a byte put in is drawn from `alphabet`).
  ///
  /// ```swift
  /// var rng = Seeded(seed: 7)
  /// let damaged = rng.damaged(Array(#"{"a":1}"#.utf8), edits: 1...2, alphabet: Array("{}\":,0".utf8))
  /// ```
  public mutating func damaged(_ bytes: [UInt8], edits: ClosedRange<Int>, alphabet: [UInt8]) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<Int.random(in: edits, using: &self) where !bytes.isEmpty {
      let at = Int.random(in: 0..<bytes.count, using: &self)
      switch Int.random(in: 0..<3, using: &self) {
      case 0: bytes[at] = alphabet.randomElement(using: &self)!
      case 1: bytes.insert(alphabet.randomElement(using: &self)!, at: at)
      default: bytes.remove(at: at)
      }
    }
    return bytes
  }
}
