import Domain
import Journal
import Testing

@Suite struct DomainEventTests {
  @Test func theCurrentVersionGivenOrNotIsTheSameValidation() throws {
    let given = try BooksDonationCounted.canonical(["books": 4265, "site": "Médiathèque Malraux"], version: 1)
    #expect(given == (try BooksDonationCounted.canonical(["books": 4265, "site": "Médiathèque Malraux"])))
    #expect(BooksDonationCounted.View(JSONObjectView(given[...])).books == 4265)
  }

  @Test(arguments: [0, 2, 7])
  func typesWithoutHistoryRefuseOtherVersions(version: Int) {
    let error = catalogError { () throws(DomainError) in try BooksDonationCounted.canonical(["books": 1], version: version) }
    #expect(error?.code == .unsupportedVersion)
    #expect(error?.field == "version")
    #expect(error?.given == String(version))
  }

  @Test func defaultUpcastRefusesOlderVersions() {
    let error = catalogError { () throws(DomainError) in try MilestoneReached.upcast(["title": "x"], fromVersion: 0) }
    #expect(error?.code == .unsupportedVersion)
    #expect(error?.message == "Version 0 of event type 'milestone.reached' is not supported; this catalog reads versions 1 to 1.")
  }

  @Test func decodeStillValidatesAfterUpcasting() {
    let error = catalogError { () throws(DomainError) in
      try IndicatorReported.canonical(["indicator": "Insertion Hours", "value": 1, "unit": "h"], version: 1)
    }
    #expect(error?.code == .invalidValue)
    #expect(error?.field == "indicator")
  }
}
