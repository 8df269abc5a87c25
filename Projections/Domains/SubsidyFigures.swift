import Domain
import Journal

/// The subsidies granted in each year (FORMATS.md §5): how many, and how much.
package struct SubsidyFigures: DomainFigures {
  enum Slot: Int, CounterSlot { case grants, cents }
  var counters = YearCounters(Slot.self)

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    guard e.kind == .subsidyGranted else { return }
    let amount = SubsidyGranted.View(e.data).amountEUR.cents
    counters.update(e.year) {
      $0[Slot.grants.rawValue] += sign
      $0[Slot.cents.rawValue] += sign * amount
    }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    [
      .init(key: "subsidy.grants", value: .integer(counters.get(year, Slot.grants)), unit: .count),
      .init(key: "subsidy.amount_eur", value: .cents(counters.get(year, Slot.cents)), unit: .eur),
    ]
  }

  package var encoded: JSONValue { ["counters": counters.encoded] }

  package init?(decoding v: JSONValue) {
    guard let c = YearCounters(Slot.self, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
