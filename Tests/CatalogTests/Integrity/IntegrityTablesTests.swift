import Testing

@testable import Catalog
@testable import Journal

/// The integrity model's tables keyed by seq and by index key behave like
/// the dictionaries and sets they replace.
@Suite("Integrity tables")
struct IntegrityTablesTests {
  /// A small deterministic PRNG (SplitMix64): no clock in tests.
  struct Mix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func aSeqTableIsADictionaryBySeq() {
    var rng = Mix(state: 3)
    var table = SeqTable<Int32>()
    var reference: [UInt64: Int32] = [:]
    for _ in 0..<5000 {
      let seq = UInt64.random(in: 0...300, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0:
        let v = Int32.random(in: -9...9, using: &rng)
        table[seq] = v
        if seq >= 1 { reference[seq] = v }
      case 1:
        #expect(table.removeValue(forKey: seq) == reference.removeValue(forKey: seq))
      default:
        #expect(table[seq] == reference[seq])
      }
      #expect(table.count == reference.count)
    }
    #expect(table.entries.map(\.seq) == reference.keys.sorted())
    #expect(table.entries.map(\.value) == reference.sorted { $0.key < $1.key }.map(\.value))
    // Equal contents are equal, whatever empty slots trail.
    var other = SeqTable<Int32>()
    for (seq, v) in reference { other[seq] = v }
    other[10_000] = 1
    other[10_000] = nil
    #expect(other == table)
  }

  @Test func indexListsStayAscendingWithoutDuplicates() {
    var rng = Mix(state: 5)
    var seqs: [UInt64] = []
    var reference = Set<UInt64>()
    for _ in 0..<2000 {
      let seq = UInt64.random(in: 1...400, using: &rng)
      IntegrityModel.insert(seq, into: &seqs)
      reference.insert(seq)
    }
    #expect(seqs == reference.sorted())
  }

  @Test func seqsInAMessageAreRenamedWholeNumbersOnly() {
    let names: [UInt64: String] = [1: "line 3", 12: "line 40"]
    let out = Ledger.renamingSeqs(in: "Contract 'x' (seq 12) and seq 1, not seq 123 nor seq 7.") { names[$0] }
    #expect(out == "Contract 'x' (line 40) and line 3, not seq 123 nor seq 7.")
    #expect(Ledger.renamingSeqs(in: "no seq here: seq") { names[$0] } == "no seq here: seq")
  }
}
