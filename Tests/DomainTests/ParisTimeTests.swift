import Testing

@testable import Domain
@testable import Journal

@Suite("Europe/Paris time")
struct ParisTimeTests {
  @Test(arguments: [
    ("2022-12-31T23:30:00Z", "2023-01-01"),  // winter: UTC+1
    ("2022-12-31T22:59:59Z", "2022-12-31"),
    ("2022-07-14T22:00:00Z", "2022-07-15"),  // summer: UTC+2
    ("2022-07-14T21:59:59.999Z", "2022-07-14"),
    ("2022-03-27T00:59:59Z", "2022-03-27"),  // the night summer time starts (01:00 UTC)
    ("2022-10-29T22:30:00Z", "2022-10-30"),  // CEST still: 00:30 local on the 30th
    ("2022-10-30T23:30:00Z", "2022-10-31"),  // CET again
    ("2022-06-01T08:00:00-05:00", "2022-06-01"),
    ("2022-06-01T23:30:00-05:00", "2022-06-02"),
    ("2023-01-01T00:30:00+09:00", "2022-12-31"),
    ("2021-11-09", "2021-11-09"),
    ("2022-12-31T22:59:59.999999999Z", "2022-12-31"),
    ("2022-12-31T22:59:59.9+00:00", "2022-12-31"),
  ])
  func validDates(_ text: String, _ expected: String) {
    #expect(ParisTime.validDate(of: text)?.description == expected)
  }

  @Test func summerTimeBoundaries() {
    #expect(ParisTime.lastSunday(month: 3, year: 2022) == CivilDate(iso: "2022-03-27")!.daysSince1970)
    #expect(ParisTime.lastSunday(month: 10, year: 2022) == CivilDate(iso: "2022-10-30")!.daysSince1970)
    #expect(ParisTime.lastSunday(month: 3, year: 2024) == CivilDate(iso: "2024-03-31")!.daysSince1970)
    #expect(ParisTime.offset(at: Timestamp(rfc3339: "2022-03-27T00:59:59.999Z")!) == 3_600_000)
    #expect(ParisTime.offset(at: Timestamp(rfc3339: "2022-03-27T01:00:00.000Z")!) == 7_200_000)
  }

  @Test func endOfDayIsLocalMidnight() {
    #expect(ParisTime.endOfDay(CivilDate(iso: "2023-03-31")!).rfc3339 == "2023-03-31T22:00:00.000Z")
    #expect(ParisTime.endOfDay(CivilDate(iso: "2022-12-31")!).rfc3339 == "2022-12-31T23:00:00.000Z")
    #expect(ParisTime.endOfDay(CivilDate(iso: "2022-03-26")!).rfc3339 == "2022-03-26T23:00:00.000Z")
    #expect(ParisTime.endOfDay(CivilDate(iso: "2022-10-29")!).rfc3339 == "2022-10-29T22:00:00.000Z")
  }

  @Test func rejectsMalformed() {
    for bad in ["2022-06-01T08:00:00", "2022-06-01 08:00:00Z", "2022-02-30T08:00:00Z", "2022-06-01T08:00:00+2:00"] {
      #expect(ParisTime.validDate(of: bad) == nil, "\(bad)")
    }
  }
}
