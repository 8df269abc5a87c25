import Domain
import Journal
import Testing

@Suite struct EurosTests {
  @Test func booksTimesTenCentsIsExact() {
    let perBook = Euros(json: JSONNumber(literal: "0.10")!)!
    let total = perBook * 4265
    #expect(total.cents == 42650)
    #expect(total.description == "426.50")
    #expect(total.json == .number(JSONNumber(literal: "426.5")!))
    #expect(total.json.canonicalString == "426.5")
    #expect(4265 * perBook == total)
  }

  @Test func summingManySmallAmountsDoesNotDrift() {
    let dime = Euros(json: JSONNumber(literal: "0.1")!)!
    var sum = Euros.zero
    for _ in 0..<1000 { sum += dime }
    #expect(sum == Euros(cents: 10000))
    #expect(sum.json.canonicalString == "100")
    #expect(dime + dime + dime == Euros(cents: 30))
  }

  @Test(arguments: [
    ("426.5", Int64(42650)), ("426.50", 42650), ("0", 0), ("0.01", 1), ("15000", 1_500_000), ("4.265e2", 42650),
    ("-3.05", -305), ("1e-2", 1), ("0.100", 10),
  ])
  func readsAtMostTwoDecimals(literal: String, cents: Int64) {
    #expect(Euros(json: JSONNumber(literal: literal)!)?.cents == cents)
  }

  @Test(arguments: ["12.345", "0.001", "1e-3", "99999999999999999999", "1e20"])
  func refusesMoreDecimalsOrOverflow(literal: String) {
    #expect(Euros(json: JSONNumber(literal: literal)!) == nil)
  }

  @Test(arguments: [
    (Int64(42650), "426.50", "426.5"), (5, "0.05", "0.05"), (100, "1.00", "1"), (0, "0.00", "0"),
    (-305, "-3.05", "-3.05"), (-40, "-0.40", "-0.4"), (1_843_500_050, "18435000.50", "18435000.5"),
  ])
  func formats(cents: Int64, description: String, json: String) {
    let amount = Euros(cents: cents)
    #expect(amount.description == description)
    #expect(amount.json.canonicalString == json)
    #expect(Euros(json: amount.json.numberValue!) == amount)
  }

  @Test func ordersByValue() {
    #expect(Euros(cents: 999) < Euros(cents: 1000))
    #expect([Euros(cents: 3), Euros(cents: -1), Euros(cents: 2)].max() == Euros(cents: 3))
  }

  @Test func booksDonationIsWorthTenCentsABook() throws {
    let event = try BooksDonationCounted.view(validating: ["books": 4265])
    #expect(event.donatedEUR.description == "426.50")
  }
}
