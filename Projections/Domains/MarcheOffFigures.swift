import Journal

/// The Marché OFF de Noël: the latest report (by valid time) of each edition.
public struct MarcheOffFigures: DomainFigures {
  var editions: [Int: StampedReports] = [:]

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    guard e.type == "marcheoff.edition-reported", let edition = e.data.int64("edition") else { return }
    editions[Int(edition), default: StampedReports()].set(e, sign: sign)
    if editions[Int(edition)]?.bySeq.isEmpty == true { editions[Int(edition)] = nil }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    let report = editions[year]?.latest
    func field(_ k: String) -> Bilan.Value { report?.int64(k).map { .integer($0) } ?? .null }
    return [
      .init(key: "marcheoff.exhibitors", value: field("exhibitors"), unit: .count),
      .init(key: "marcheoff.partners", value: field("partners"), unit: .count),
      .init(key: "marcheoff.events", value: field("eventsCount"), unit: .count),
      .init(key: "marcheoff.revenue_eur", value: report?.scaled("revenueEUR", by: 2).map { .cents($0) } ?? .null, unit: .eur),
    ]
  }

  public var encoded: JSONValue { .object(Dictionary(uniqueKeysWithValues: editions.map { (String($0.key), $0.value.encoded) })) }

  public init?(decoding v: JSONValue) {
    guard let o = v.objectValue else { return nil }
    for (k, r) in o {
      guard let edition = Int(k), let reports = StampedReports(decoding: r) else { return nil }
      editions[edition] = reports
    }
  }
}
