import Foundation
import TestSupport
import Testing

@testable import Journal
@testable import Projections
@testable import Service

/// `ess series`: one fold for all years, equal to folding each year with `ess bilan`.
@Suite("Series across years")
struct SeriesTests {
  @Test(arguments: [41, 42] as [UInt64])
  func aSeriesIsEachYearsBilanWithCorrectionsAndCuts(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 220)
    let reader = try BilanReader(journal: h.path)
    // Every key any year has, reported ones included.
    var keys: [String] = []
    for year in 2018...2025 {
      for i in try reader.bilan(year: year).indicators where !keys.contains(i.key) { keys.append(i.key) }
    }
    #expect(keys.contains { $0.hasPrefix("reported.") }, "the random history reports no partner figure")
    for cut in [nil] + h.cuts.enumerated().filter({ $0.offset % 4 == 1 }).map(\.element) {
      let series = try Reports.series(journal: h.path, keys: keys, from: 2018, to: 2025, asKnownOn: cut)
      #expect(series.rows.map(\.year) == Array(2018...2025))
      for row in series.rows {
        let bilan = try reader.bilan(year: row.year, asKnownOn: cut)
        #expect(series.journalSeq == bilan.journalSeq && series.journalHash == bilan.journalHash)
        for (column, value) in zip(series.columns, row.values) {
          let expected = bilan.value(column.key) ?? .null
          #expect(value == expected, "seed \(seed), cut \(cut ?? "-"), \(row.year), \(column.key)")
        }
      }
    }
  }

  @Test func unknownKeysAndYearsOutOfOrderAreRefused() throws {
    let h = try RandomHistory(seed: 5, events: 20)
    let unknown = #expect(throws: ServiceError.self) { try Reports.series(journal: h.path, keys: ["pole.members"]) }
    #expect(unknown?.code == .badInput && unknown?.message.hasPrefix("'pole.members' is not an indicator of the bilan") == true)
    let order = #expect(throws: ServiceError.self) { try Reports.series(journal: h.path, keys: ["books.collected"], from: 2023, to: 2020) }
    #expect(order?.message == "--from 2023 comes after --to 2020.")
  }
}
