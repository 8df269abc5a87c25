import Foundation
import TestSupport
import Testing

@testable import Journal
@testable import Projections
@testable import Service

@Suite("Bilan: folds against a naive reference")
struct BilanPropertyTests {
  func jsonIndicators(_ bilan: Bilan) -> [String: JSONValue] {
    Dictionary(uniqueKeysWithValues: bilan.indicators.map { ($0.key, $0.value.json) })
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func incrementalFoldEqualsTheNaiveReference(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 300)
    let all = try allRecords(h.path)
    let reader = try BilanReader(journal: h.path)
    for year in 2019...2024 {
      let bilan = try reader.bilan(year: year)
      #expect(jsonIndicators(bilan) == ReferenceBilan.indicators(all, year: year), "seed \(seed), year \(year)")
      #expect(bilan.journalSeq == all.last!.seq && bilan.journalHash == all.last!.hash)
    }
  }

  @Test(arguments: [21, 22] as [UInt64])
  func asKnownOnEqualsTheBilanOfTheTruncatedJournal(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 160)
    let all = try allRecords(h.path)
    let reader = try BilanReader(journal: h.path)
    for cut in h.cuts.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
      let limit = BilanReader.cutLimit(cut)!
      let prefix = all.filter { $0.recordedAt < limit }
      // A journal holding only those events (same lines: same ids, times and hashes).
      let copy = h.root + "/cut-\(cut)"
      try Writer.create(at: copy)
      let writer = try Writer(at: copy)
      for r in prefix {
        let d = try r.data()
        try writer.append([
          NewEvent(
            id: r.id, type: r.type, version: r.version, occurredOn: r.occurredOn, author: r.author, source: r.source, reason: r.reason,
            data: d, recordedAt: r.recordedAt)
        ])
      }
      for year in [2020, 2021, 2022, 2023] {
        let known = try reader.bilan(year: year, asKnownOn: cut)
        var truncated = try BilanReader(journal: copy).bilan(year: year)
        truncated.asKnownOn = cut
        #expect(known == truncated, "cut \(cut), year \(year)")
        #expect(jsonIndicators(known) == ReferenceBilan.indicators(prefix, year: year))
      }
    }
  }

  @Test(arguments: [31, 32] as [UInt64])
  func historyEndsAtTheBilanAndEachStepIsTheBilanAsKnownThen(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 150)
    let reader = try BilanReader(journal: h.path)
    for key in [
      "procurement.insertion_hours", "books.donated_eur", "pole.members_at_year_end", "procurement.social_clause_share",
      "procurement.local_share",
      "reported.forum.visitors", "okote.amount_eur",
    ] {
      let history = try BilanReader(journal: h.path).history(key: key, year: 2022)
      let final = try reader.bilan(year: 2022).value(key)
      // The value after the last change is the bilan's; with no change, the empty journal's value.
      let empty = BilanState().bilan(year: 2022, asKnownOn: nil, journalSeq: 0, journalHash: .zero).value(key)
      let last = history.changes.last?.value ?? empty
      if let last, let final { #expect(last.isSameValue(as: final), "\(key)") } else { #expect(last == final, "\(key)") }
      // A reported figure absent from the empty bilan (nil) starts from null.
      #expect(
        history.changes.first.map { $0.previous == (empty ?? .null) } ?? true,
        "\(key): the first change starts from the empty value, not \(String(describing: history.changes.first?.previous))")
      for change in history.changes {
        #expect(!change.value.isSameValue(as: change.previous), "\(key): a change changes the value")
        let then = try reader.bilan(year: 2022, asKnownOn: change.recordedAt.rfc3339).value(key)
        #expect(then.map { $0.isSameValue(as: change.value) } == true, "\(key) at \(change.recordedAt)")
      }
    }
  }
}
