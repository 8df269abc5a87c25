import Foundation
import TestSupport
import Testing

@testable import Journal
@testable import Projections
@testable import Service

@Suite("Old schema versions in projections")
struct UpcastTests {
  @Test func aVersion1IndicatorReportIsReadWithItsUnitUpcast() throws {
    let path = FileManager.default.temporaryDirectory.path + "/ess-upcast-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Writer.create(at: path)
    // Written as an old program would have: version 1, unit in free text.
    try Writer(at: path).append([
      NewEvent(
        type: "indicator.reported", version: 1, occurredOn: "2022-05-05", author: "a",
        data: ["indicator": "forum.visitors", "value": 700, "unit": "personnes"])
    ])
    let bilan = try BilanReader(journal: path).bilan(year: 2022)
    let row = try #require(bilan.indicators.first { $0.key == "reported.forum.visitors" })
    #expect(row.value == .number(JSONNumber(700)))
    #expect(row.unit == .persons, "v1 'personnes' is read as v2 'persons'")
  }
}
