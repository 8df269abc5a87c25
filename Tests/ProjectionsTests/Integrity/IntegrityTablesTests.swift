import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections

/// The integrity model's tables keyed by seq and by index key behave like
/// the dictionaries and sets they replace.
@Suite("Integrity tables")
struct IntegrityTablesTests {
  @Test func aSeqTableIsADictionaryBySeq() {
    var rng = Seeded(seed: 3)
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
    var rng = Seeded(seed: 5)
    var seqs: [UInt64] = []
    var reference = Set<UInt64>()
    for _ in 0..<2000 {
      let seq = UInt64.random(in: 1...400, using: &rng)
      IntegrityModel.insert(seq, into: &seqs)
      reference.insert(seq)
    }
    #expect(seqs == reference.sorted())
  }

  @Test func aViolationNamesEventsAsItsReaderKnowsThem() {
    let v = IntegrityViolation(seq: 12, day: 19_000, key: IntegrityKey(.campaign, "jardin"), detail: .openedTwice(first: 3))
    #expect(v.rule == .campaignOpensOnce)
    #expect(v.message() == "Campaign 'jardin' would be opened twice (seq 3 and seq 12); a campaign opens once.")
    let names: [UInt64: String] = [12: "line 40"]
    #expect(
      v.message { names[$0] ?? "seq \($0)" } == "Campaign 'jardin' would be opened twice (seq 3 and line 40); a campaign opens once.")
  }
}
