import Foundation
import TestSupport
import Testing

@testable import Journal

/// A keyed cache reads back what was written, one key at a time, and claims
/// no more than what it can show: torn, stray or damaged bytes end it.
@Suite("Keyed cache")
struct KeyedCacheTests {
  func stamp(_ seq: UInt64) -> KeyedCache.Stamp {
    KeyedCache.Stamp(seq: seq, hash: ChainHash(digest: [UInt8](repeating: UInt8(seq % 251), count: 32))!)
  }

  func key(_ i: Int) -> [UInt8] { Array("key-\(i)".utf8) }

  @Test func aLogOverABaseReadsLikeOneDictionary() throws {
    let j = try TestJournal()
    let cache = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
    #expect(cache.open() == .empty)
    var reference: [[UInt8]: [UInt8]] = [:]
    var rng = Seeded(seed: 7)
    var seq: UInt64 = 0
    cache.logLimit = 4096
    for round in 0..<300 {
      var changes: [(key: [UInt8], change: KeyedCache.Change)] = []
      for _ in 0..<Int.random(in: 0...5, using: &rng) {
        let k = key(Int.random(in: 0..<60, using: &rng))
        let v = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        changes.append((k, Bool.random(using: &rng) ? .set(v) : .append(v)))
      }
      let next = seq + UInt64.random(in: 1...3, using: &rng)
      try cache.append(changes, from: seq + 1, to: stamp(next))
      for (k, c) in changes {
        switch c {
        case .set(let v): reference[k] = v
        case .append(let suffix): reference[k, default: []] += suffix
        }
      }
      seq = next
      if round % 37 == 0 {
        // Read back by another process's view: the same position and values.
        let other = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
        #expect(other.open() == stamp(seq))
        for i in 0..<60 { #expect(try other.value(key(i)) == reference[key(i)], "key \(i) at round \(round)") }
      }
    }
    // The log was merged into a base along the way (limit 4 KiB).
    #expect(FileManager.default.fileExists(atPath: j.path + "/cache/t.base"))
    #expect(try cache.all() == reference)
    // Another tag: a cache that cannot be used (to rebuild).
    #expect(try KeyedCache(journal: j.path, name: "t", tag: "OTHERTAG").open() == nil)
  }

  @Test func aRecordThatDoesNotContinueOrIsTornEndsTheLog() throws {
    let j = try TestJournal()
    let cache = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
    cache.open()
    try cache.append([(key(1), .set([1]))], from: 1, to: stamp(4))
    try cache.append([(key(2), .set([2]))], from: 5, to: stamp(6))
    let log = j.path + "/cache/t.log"
    let whole = try Data(contentsOf: URL(fileURLWithPath: log))
    // Torn: the last record cut anywhere is ignored, the first still counts.
    for cut in stride(from: whole.count - 1, to: whole.count - 40, by: -7) {
      try whole.prefix(cut).write(to: URL(fileURLWithPath: log))
      let again = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
      #expect(again.open() == stamp(4), "cut at \(cut)")
      #expect(try again.value(key(2)) == nil)
      #expect(try again.value(key(1)) == [1])
      // The next record goes after the last whole one, cutting the torn bytes.
      try again.append([(key(3), .set([3]))], from: 5, to: stamp(5))
      #expect(try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1").open() == stamp(5))
    }
    // A record that does not continue the position is refused, nothing written.
    let before = try Data(contentsOf: URL(fileURLWithPath: log))
    #expect(throws: JournalError.self) { try cache.append([], from: 9, to: stamp(9)) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
  }

  @Test func aDamagedBaseIsRefusedWholeOrValueByValue() throws {
    let j = try TestJournal()
    let cache = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
    let entries = Dictionary(uniqueKeysWithValues: (0..<50).map { (key($0), Array(repeating: UInt8($0), count: $0)) })
    try cache.replace(with: entries, stamp: stamp(9))
    let base = j.path + "/cache/t.base"
    let good = Array(try Data(contentsOf: URL(fileURLWithPath: base)))
    for at in [3, 20, 60, 68 + 5, 68 + 50 * 20 + 1, good.count - 30, good.count - 1] {
      var bad = good
      bad[at] ^= 0x01
      try Data(bad).write(to: URL(fileURLWithPath: base))
      let again = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
      if at < 68 + 50 * 20 + 4 {
        // Header or index: no cache at all.
        #expect(again.open() == nil, "byte \(at)")
      } else {
        // A value: that value fails its CRC when read; the others read.
        #expect(again.open() == stamp(9), "byte \(at)")
        var failed = 0
        for i in 0..<50 {
          do {
            #expect(try again.value(key(i)) == entries[key(i)])
          } catch {
            failed += 1
          }
        }
        #expect(failed == 1, "byte \(at)")
        #expect(throws: JournalError.self) { try again.all() }
      }
    }
  }

  @Test func aMergeInterruptedBeforeTheLogIsEmptiedSkipsWhatTheBaseHolds() throws {
    let j = try TestJournal()
    let cache = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
    cache.open()
    try cache.append([(key(1), .set([1]))], from: 1, to: stamp(2))
    try cache.append([(key(2), .set([2]))], from: 3, to: stamp(3))
    let log = try Data(contentsOf: URL(fileURLWithPath: j.path + "/cache/t.log"))
    try cache.replace(with: [key(1): [1], key(2): [2]], stamp: stamp(3))
    // The crash: the new base is in place, the old log still there.
    try log.write(to: URL(fileURLWithPath: j.path + "/cache/t.log"))
    let again = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
    #expect(again.open() == stamp(3))
    try again.append([(key(1), .set([9]))], from: 4, to: stamp(4))
    let third = try KeyedCache(journal: j.path, name: "t", tag: "TESTKEY1")
    #expect(third.open() == stamp(4))
    #expect(try third.all() == [key(1): [9], key(2): [2]])
  }
}
