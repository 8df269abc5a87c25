import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

/// The HTML bilan's footnotes: one pass gives, for every figure of the year, the sources of the events that moved it,
/// and whether a correction did — in agreement with `ess history`, figure by figure.
@Suite("Figure sources")
struct FigureSourcesTests {
  @Test(arguments: [51, 52] as [UInt64])
  func sourcesAgreeWithEachFiguresHistory(seed: UInt64) throws {
    let h = try RandomHistory(seed: seed, events: 200)
    let records = try allRecords(h.path)
    let lookup = RecordLookup(try Reader(at: h.path))
    for year in [2021, 2022] {
      var fold = FigureSourcesFold(year: year)
      var plain = BilanProjection.initial
      for r in records {
        try fold.apply(r, lookup: lookup.record)
        try BilanProjection.apply(r, lookup: lookup.record, to: &plain)
      }
      #expect(fold.state == plain)
      var movedByACorrection = 0
      for i in plain.figures.bilan(year: year, asKnownOn: nil, journalSeq: 0, journalHash: .zero).indicators {
        var history = IndicatorHistoryFold(key: i.key, year: year)
        for r in records { try history.apply(r, lookup: lookup.record) }
        let changes = history.finish().changes
        // Each change's cause is an event that moved the figure: its source is listed.
        for c in changes where fold.sources[i.key]?.contains(c.cause.source ?? "") != true {
          Issue.record("\(i.key) \(year): \(c.cause) not in \(fold.sources[i.key] ?? [])")
        }
        if changes.contains(where: { EventKind.lookup($0.cause.type)?.isCorrection == true }) {
          #expect(fold.corrected.contains(i.key), "\(i.key) \(year)")
          movedByACorrection += 1
        }
        if changes.isEmpty { #expect(fold.sources[i.key] == nil, "\(i.key) \(year) never moved") }
      }
      #expect(movedByACorrection > 0 || year == 2021, "seed \(seed): no figure of \(year) was corrected; the test shows nothing")
    }
  }
}
