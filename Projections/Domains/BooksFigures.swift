import Domain
import Journal

/// The book counter: 10 books donated = 1 € to Lire et faire lire.
package struct BooksFigures: DomainFigures {
  enum Slot: Int, CounterSlot { case books }
  var counters = YearCounters(Slot.self)

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    if e.kind == .booksDonationCounted { counters.add(e.year, Slot.books, sign * BooksDonationCounted.View(e.data).books) }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    let books = counters.get(year, Slot.books)
    let total = counters.byYear.filter { $0.key <= year }.reduce(Int64(0)) { $0 + $1.value[Slot.books.rawValue] }
    // 10 books = 1 €: exact, no floating point.
    let perBook = BooksDonationCounted.eurosPerBook
    return [
      .init(key: "books.collected", value: .integer(books), unit: .count),
      .init(key: "books.donated_eur", value: .cents((perBook * books).cents), unit: .eur),
      .init(key: "books.collected_total", value: .integer(total), unit: .count),
      .init(key: "books.donated_total_eur", value: .cents((perBook * total).cents), unit: .eur),
    ]
  }

  package var encoded: JSONValue { ["counters": counters.encoded] }

  package init?(decoding v: JSONValue) {
    guard let c = YearCounters(Slot.self, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
