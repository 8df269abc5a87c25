import Foundation
import TestSupport
import Testing

@testable import Journal

/// The id index's own map and the side files it saves: a lookup answers as a
/// `Dictionary` would, and a saved table holds every id of its segment, sorted.
@Suite("Id index")
struct IdIndexTests {
  /// Keys a caller might choose: random, sequential in either word, or differing in one digit.
  static func key(_ n: Int, shape: Int, random: inout some RandomNumberGenerator) -> UUIDKey {
    switch shape {
    case 0: UUIDKey(hi: random.next(), lo: random.next())
    case 1: UUIDKey(hi: 0, lo: UInt64(n))
    case 2: UUIDKey(hi: UInt64(n) << 32, lo: 0)
    default: UUIDKey(hi: 0x1234_5678_0000_4000, lo: 0x8000_0000_0000_0000 | UInt64(n % 16) << 40 | UInt64(n / 16))
    }
  }

  @Test func theMapAnswersAsADictionaryDoes() {
    var random = Seeded(seed: 7)
    for round in 0..<40 {
      let shape = round % 4
      var map = round % 3 == 0 ? UUIDMap<Int>(minimumCapacity: Int(random.next() % 200)) : UUIDMap<Int>()
      var reference: [UUIDKey: Int] = [:]
      let size = Int(random.next() % 3000) + 1
      for step in 0..<size {
        // Mostly new keys, some set again (the value replaced), a few emptyings.
        let n = random.next() % 5 == 0 && step > 0 ? Int(random.next() % UInt64(step)) : step
        let k = Self.key(n + round * 100_000, shape: shape, random: &random)
        let v = Int(random.next() % 1_000_000)
        map.insert(k, v)
        reference[k] = v
        if random.next() % 997 == 0 {
          map.removeAll(keepingCapacity: random.next() % 2 == 0)
          reference = [:]
        }
      }
      #expect(map.count == reference.count, "round \(round)")
      for (k, v) in reference { #expect(map[k] == v, "round \(round)") }
      for n in 0..<200 {
        let absent = Self.key(n + 50_000_000, shape: shape, random: &random)
        #expect(map[absent] == reference[absent], "round \(round)")
      }
      #expect(Dictionary(uniqueKeysWithValues: zip(map.keys, map.values)) == reference)
    }
  }

  @Test func theLastSegmentsSavedIdsAreSortedAndWhole() throws {
    let layout = JournalLayout(root: "/nonexistent")
    let index = IdIndex(layout: layout)
    var random = Seeded(seed: 11)
    var all: [(key: UUIDKey, seq: UInt64)] = []
    // Ids added in seq order, sorted after each chunk (as each save does): each result is every id so far, sorted.
    for chunk in 0..<12 {
      for _ in 0..<Int(random.next() % 700) {
        let entry = (key: UUIDKey(hi: random.next(), lo: random.next()), seq: UInt64(all.count + 1))
        index.recent.insert(entry.key, entry.seq)
        all.append(entry)
      }
      let sorted = index.sortedRecent()
      #expect(sorted.map(\.key) == all.sorted { $0.key < $1.key }.map(\.key), "chunk \(chunk)")
      #expect(sorted.map(\.seq) == all.sorted { $0.key < $1.key }.map(\.seq), "chunk \(chunk)")
    }
    index.forgetRecent()
    #expect(index.sortedRecent().isEmpty)
  }

  @Test func aWriterSavesTheLastSegmentsIdsSortedAcrossSeveralSaves() throws {
    let j = try TestJournal()
    let w = try j.writer { $0.segmentBytes = 64 << 20 }
    let batch = 1_000
    var n = 0
    // More than twice `saveEvery`: a save after others sorts only its new ids.
    while n < 3 * Int(IdIndex.saveEvery) {
      try w.append(Sample.events(n..<(n + batch)))
      n += batch
    }
    let name = String(try j.segmentPaths()[0].split(separator: "/").last!)
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: j.path + "/index/\(name).ids")))
    let table = try #require(IdTable(decoding: bytes, firstSeq: 1), "the side file is whole and sorted")
    let records = try j.all()
    #expect(table.keys.count >= 2 * Int(IdIndex.saveEvery) && table.keys.count <= records.count)
    let seqByKey = Dictionary(uniqueKeysWithValues: records.map { (UUIDKey(utf8: $0.idBytes)!, $0.seq) })
    for (k, seq) in zip(table.keys, table.seqs) { #expect(seqByKey[k] == seq) }
    #expect(Set(table.seqs) == Set(1...UInt64(table.keys.count)))
  }

  @Test func aLargeCommitsIdsSortedOnTwoCoresAreSortedAsAWholeSortWould() {
    var random = Seeded(seed: 5)
    for count in [10, 65_536, 70_001, 200_000] {
      // Some ids shared (a small range of high words), so that equal words meet across the halves.
      var pairs = (0..<count).map { n in
        (key: UUIDKey(hi: random.next() % 1000, lo: random.next()), seq: UInt64(n + 1))
      }
      let expected = pairs.sorted { $0.key < $1.key }
      IdIndex.sortOnTwoCores(&pairs)
      #expect(pairs.map(\.key) == expected.map(\.key), "\(count)")
      #expect(Set(pairs.map(\.seq)) == Set(1...UInt64(count)), "\(count)")
    }
  }
}
