import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections

/// The integrity model's tables keyed by seq and by index key behave like
/// the dictionaries and sets they replace.
@Suite("Integrity tables")
struct IntegrityTablesTests {
  @Test func factListsStayAscendingBySeqWithOneFactPerSeq() {
    var rng = Seeded(seed: 3)
    var list: [IntegrityModel.Filed] = []
    var reference: [UInt64: Int32] = [:]
    for _ in 0..<3000 {
      let seq = UInt64.random(in: 1...300, using: &rng)
      let day = Int32.random(in: -9...9, using: &rng)
      IntegrityModel.insert(IntegrityModel.Filed(seq: seq, fact: IntegrityFact(kind: .hoursReported, id: "c", day: day)), into: &list)
      reference[seq] = day
    }
    #expect(list.map(\.seq) == reference.keys.sorted())
    #expect(list.map(\.fact.day) == reference.sorted { $0.key < $1.key }.map(\.value))
  }

  @Test func indexValuesDecodeBackAndRefuseDamage() throws {
    let list = [
      IntegrityModel.Filed(seq: 3, fact: IntegrityFact(kind: .boardElected, id: "", day: 19_000, members: ["a", "b"])),
      IntegrityModel.Filed(seq: 9, fact: IntegrityFact(kind: .memberJoined, id: "é", day: -2)),
    ]
    let bytes = IntegrityModel.encode(list[...])
    #expect(try IntegrityModel.decodeFacts(bytes) == list)
    #expect(throws: IntegrityModel.IndexDamaged.self) { try IntegrityModel.decodeFacts(Array(bytes.dropLast())) }
    #expect(throws: IntegrityModel.IndexDamaged.self) { try IntegrityModel.decodeFacts(bytes + [0]) }
    // A value is a concatenation: appending a fact is appending its bytes.
    let more = IntegrityModel.Filed(seq: 12, fact: IntegrityFact(kind: .memberLeft, id: "é", day: 5))
    #expect(try IntegrityModel.decodeFacts(bytes + IntegrityModel.encode([more][...])) == list + [more])
    #expect(try IntegrityModel.decodeSeqs(IntegrityModel.encode(([4, 7] as [UInt64])[...])) == [4, 7])
    // Not ascending: refused.
    #expect(throws: IntegrityModel.IndexDamaged.self) { try IntegrityModel.decodeSeqs(IntegrityModel.encode(([7, 4] as [UInt64])[...])) }
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
