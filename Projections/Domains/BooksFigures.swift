import Journal

/// The book counter: 10 books donated = 1 € to Lire et faire lire.
public struct BooksFigures: DomainFigures {
  static let slots = ["books"]
  var counters = YearCounters(slots)

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    if e.type == "books.donation-counted" { counters.add(e.year, 0, sign * (e.data.int64("books") ?? 0)) }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    let books = counters.get(year, 0)
    let total = counters.byYear.filter { $0.key <= year }.reduce(Int64(0)) { $0 + $1.value[0] }
    // 10 books = 1 € = 100 cents: exact, no floating point.
    return [
      .init(key: "books.collected", value: .integer(books), unit: .count),
      .init(key: "books.donated_eur", value: .cents(books * 10), unit: .eur),
      .init(key: "books.collected_total", value: .integer(total), unit: .count),
      .init(key: "books.donated_total_eur", value: .cents(total * 10), unit: .eur),
    ]
  }

  public var encoded: JSONValue { ["counters": counters.encoded] }

  public init?(decoding v: JSONValue) {
    guard let c = YearCounters(Self.slots, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
