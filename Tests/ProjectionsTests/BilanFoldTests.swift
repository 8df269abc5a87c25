import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections

/// The bilan's fold is a pure function of the records: folding in parts equals folding at once.
@Suite("Bilan fold")
struct BilanFoldTests {
  @Test(arguments: [11, 12, 13] as [UInt64])
  func foldingInPartsEqualsFoldingAtOnce(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 200)
    let all = try allRecords(h.path)
    let bySeq = Dictionary(uniqueKeysWithValues: all.map { ($0.seq, $0) })
    func fold(_ records: some Sequence<Record>, into start: BilanProjection.State = .init()) -> BilanProjection.State {
      var state = start
      for r in records { BilanProjection.apply(r, lookup: { bySeq[$0]! }, to: &state) }
      return state
    }
    let once = fold(all)
    for split in [1, 50, 137, 199] {
      let both = fold(all.dropFirst(split), into: fold(all.prefix(split)))
      #expect(both == once, "split at \(split)")
    }
  }

  @Test(arguments: [14, 15] as [UInt64])
  func theIntegrityModelFoldedInPartsEqualsFoldedAtOnce(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 200)
    let all = try allRecords(h.path)
    let bySeq = Dictionary(uniqueKeysWithValues: all.map { ($0.seq, $0) })
    let kindOf: (UInt64) -> EventKind? = { bySeq[$0].flatMap { EventKind.lookup($0.type) } }
    func fold(_ records: some Sequence<Record>, into start: IntegrityModel = IntegrityModel(), base: IntegrityModel.Base)
      throws -> IntegrityModel
    {
      var model = start
      var none: IntegrityModel.Undo? = nil
      for r in records { try model.apply(r, hash: r.hash, kindOf: kindOf, lookup: { bySeq[$0]! }, base: base, undo: &none) }
      return model
    }
    let once = try fold(all, base: IntegrityModel.noBase)
    let onceIndex = once.indexEntries()
    #expect(!onceIndex.isEmpty)
    for split in [1, 77, 150] {
      // The first part kept as an index; the rest folded over it, reading only the keys it touches.
      let first = try fold(all.prefix(split), base: IntegrityModel.noBase)
      let index = first.indexEntries()
      var read: Set<[UInt8]> = []
      let base: IntegrityModel.Base = { key in
        read.insert(key)
        return index[key]
      }
      let last = all[split - 1]
      var rest = try fold(all.dropFirst(split), into: IntegrityModel(at: last.seq, hash: last.hash), base: base)
      #expect(rest.lastSeq == once.lastSeq && rest.lastHash == once.lastHash)
      // The index after appending the rest's changes equals the index of the whole history.
      var merged = index
      for (k, c) in rest.indexChanges() {
        switch c {
        case .set(let v): merged[k] = v
        case .append(let suffix): merged[k, default: []] += suffix
        }
      }
      #expect(merged.filter { !$0.value.isEmpty } == onceIndex, "split at \(split)")
      // Only keys of the events folded were read.
      #expect(read.count < onceIndex.count || split == 1, "split at \(split): \(read.count) keys read")
      // Every rule gives the same answer over the index as over the whole fold.
      var keys = Set(once.byKey.keys)
      keys.formUnion(rest.byKey.keys)
      try rest.load(checking: keys, base: base)
      for key in keys {
        var a: IntegrityViolation? = nil
        var b: IntegrityViolation? = nil
        do { try once.check(keys: [key]) } catch { a = error }
        do { try rest.check(keys: [key]) } catch { b = error }
        #expect(a == b, "\(key), split at \(split)")
      }
    }
  }

  @Test func aShareThatKeepsItsValueIsNoChange() throws {
    // procurement.local_share: 1/1, then 2/2 (same value), then 2/3.
    let j = try TestJournal()
    func contract(_ id: String, local: Bool) -> NewEvent {
      NewEvent(
        type: "procurement.contract-awarded", occurredOn: "2022-03-01", author: "t",
        data: [
          "contractId": .string(id), "title": "T", "buyer": "ville", "awardee": "A", "amountEUR": 10, "socialClause": true,
          "environmentalClause": false, "awardeeIsESS": false, "awardeeIsSME": false, "awardeeIsLocal": .bool(local),
        ])
    }
    for (i, local) in [true, true, false].enumerated() {
      var options = WriterOptions()
      options.clock = { Timestamp(millisecondsSince1970: 1_700_000_000_000 + Int64(i) * 1000) }
      try Writer(at: j.path, options: options).append([contract("c\(i)", local: local)])
    }
    let all = try j.all()
    var fold = IndicatorHistoryFold(key: "procurement.local_share", year: 2022)
    for r in all { fold.apply(r, lookup: { _ in r }) }
    let history = fold.finish()
    #expect(history.changes.count == 2, "2/2 after 1/1 is no change: \(history.changes.map(\.value))")
    #expect(history.changes.map(\.cause.seq) == [1, 3])
    #expect(history.changes.first?.value == .fraction(1, 1) && history.changes.last?.value == .fraction(2, 3))
    #expect(history.changes.last?.previous.isSameValue(as: .fraction(1, 1)) == true)
  }
}
