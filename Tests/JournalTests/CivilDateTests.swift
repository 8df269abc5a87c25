import TestSupport
import Testing

@testable import Journal

/// A date is written `YYYY-MM-DD`, zero-padded, and read back the same.
@Suite("Civil date")
struct CivilDateTests {
  @Test func aDateIsWrittenPaddedAndReadBack() throws {
    var random = Seeded(seed: 9)
    var years = [1, 9, 10, 99, 100, 999, 1000, 1970, 2000, 2024, 9999]
    for _ in 0..<200 { years.append(Int.random(in: 1...9999, using: &random)) }
    for year in years {
      for month in 1...12 {
        for day in [1, 9, 10, 28, 29, 30, 31] {
          guard let date = CivilDate(year: year, month: month, day: day) else { continue }
          let text = date.description
          let y = String(year)
          let m = String(month)
          let d = String(day)
          let expected =
            String(repeating: "0", count: 4 - y.count) + y + "-" + String(repeating: "0", count: 2 - m.count) + m + "-"
            + String(repeating: "0", count: 2 - d.count) + d
          #expect(text == expected)
          #expect(CivilDate(iso: text) == date)
        }
      }
    }
  }
}
