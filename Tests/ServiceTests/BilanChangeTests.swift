import Testing

@testable import Journal
@testable import Projections
@testable import Service

/// `ess bilan Y` against Y−1: exact differences, relative changes only where they mean something, signed words.
@Suite("Bilan: change against the year before")
struct BilanChangeTests {
  func change(_ unit: Bilan.Unit, _ value: Bilan.Value, _ previous: Bilan.Value) -> Bilan.Change {
    Bilan.change(key: "k", unit: unit, value: value, previous: previous)
  }

  @Test func differencesAreExact() {
    #expect(change(.hours, .integer(483_442), .integer(400_000)).absolute == .integer(83_442))
    #expect(change(.hours, .integer(483_442), .integer(400_000)).relative == .fraction(83_442, 400_000))
    #expect(change(.eur, .cents(42_650), .cents(50_000)).absolute == .cents(-7_350))
    #expect(change(.eur, .cents(42_650), .cents(-100)).relative == .fraction(42_750, 100))
    // Shares move in points, with no relative change.
    let share = change(.share, .fraction(23, 100), .fraction(1, 4))
    #expect(share.absolute == .fraction(23 * 4 - 100, 400) && share.relative == .null)
    // Reported decimals, to the most precise of the two.
    let reported = change(.number, .number(JSONNumber(literal: "12.5")!), .number(JSONNumber(literal: "10.25")!))
    #expect(reported.absolute == .number(JSONNumber(literal: "2.25")!) && reported.relative == .fraction(225, 1025))
    // Nothing to compare with.
    #expect(change(.count, .integer(3), .null).absolute == .null)
    #expect(change(.count, .null, .integer(3)).relative == .null)
    #expect(change(.count, .integer(3), .integer(0)).relative == .null)
  }

  @Test func changesAreSaidWithTheirSign() {
    func fr(_ c: Bilan.Change, _ unit: Bilan.Unit) -> String? { NumberFormat.change(c, unit: unit, .fr) }
    func en(_ c: Bilan.Change, _ unit: Bilan.Unit) -> String? { NumberFormat.change(c, unit: unit, .en) }
    #expect(fr(change(.hours, .integer(483_442), .integer(400_000)), .hours) == "+83 442 h, +21 %")
    #expect(en(change(.hours, .integer(483_442), .integer(400_000)), .hours) == "+83,442 h, +21%")
    #expect(fr(change(.eur, .cents(42_650), .cents(50_000)), .eur) == "-73,50 €, -15 %")
    #expect(en(change(.eur, .cents(42_650), .cents(50_000)), .eur) == "-€73.50, -15%")
    #expect(fr(change(.share, .fraction(23, 100), .fraction(1, 4)), .share) == "-2 pts")
    #expect(fr(change(.share, .fraction(251, 1000), .fraction(1, 4)), .share) == "+0 pt")
    #expect(fr(change(.count, .integer(7), .integer(7)), .count) == "=")
    #expect(fr(change(.count, .integer(1), .integer(3)), .count) == "-2, -67 %")
    #expect(fr(change(.count, .integer(3), .null), .count) == nil)
    #expect(fr(change(.eur, .cents(8_365_260_250), .cents(1)), .eur) == "+83 652 602,49 €, +836 526 024 900 %")
  }
}
