import Journal

/// Okoté matchfunding: campaigns opened and funded, pledges by kind of
/// contributor, distinct residents and companies.
public struct OkoteFigures: DomainFigures {
  static let slots = ["opened", "funded", "cents", "cents.citizen", "cents.company", "cents.public"]
  var counters = YearCounters(slots)
  /// year → kind → contributorId → number of pledges (distinct = keys).
  var contributors: [Int: [String: [String: Int64]]] = [:]

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    let y = e.year
    switch e.type {
    case "okote.campaign-opened":
      counters.add(y, 0, sign)
    case "okote.campaign-closed":
      if e.data.string("outcome") == "funded" { counters.add(y, 1, sign) }
    case "okote.pledge-made":
      let cents = e.data.scaled("amountEUR", by: 2) ?? 0
      let kind = e.data.string("contributorKind") ?? "public"
      counters.add(y, 2, sign * cents)
      counters.add(y, kind == "citizen" ? 3 : kind == "company" ? 4 : 5, sign * cents)
      if kind == "citizen" || kind == "company" {
        let who = e.data.string("contributorId") ?? ""
        let count = (contributors[y]?[kind]?[who] ?? 0) + sign
        contributors[y, default: [:]][kind, default: [:]][who] = count == 0 ? nil : count
      }
    default: break
    }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    func c(_ k: String) -> Int64 { counters.get(year, Self.slots.firstIndex(of: k)!) }
    func distinct(_ kind: String) -> Int64 { Int64(contributors[year]?[kind]?.count ?? 0) }
    return [
      .init(key: "okote.campaigns_opened", value: .integer(c("opened")), unit: .count),
      .init(key: "okote.campaigns_funded", value: .integer(c("funded")), unit: .count),
      .init(key: "okote.amount_eur", value: .cents(c("cents")), unit: .eur),
      .init(key: "okote.amount_citizens_eur", value: .cents(c("cents.citizen")), unit: .eur),
      .init(key: "okote.amount_companies_eur", value: .cents(c("cents.company")), unit: .eur),
      .init(key: "okote.amount_public_eur", value: .cents(c("cents.public")), unit: .eur),
      .init(key: "okote.citizens", value: .integer(distinct("citizen")), unit: .persons),
      .init(key: "okote.companies", value: .integer(distinct("company")), unit: .count),
    ]
  }

  public var encoded: JSONValue {
    [
      "counters": counters.encoded,
      "contributors": .object(
        Dictionary(
          uniqueKeysWithValues: contributors.map { (String($0.key), .object($0.value.mapValues { .object($0.mapValues(Fields.n)) })) })),
    ]
  }

  public init?(decoding v: JSONValue) {
    guard let c = YearCounters(Self.slots, decoding: v["counters"]), let o = v["contributors"]?.objectValue else { return nil }
    counters = c
    for (k, kinds) in o {
      guard let y = Int(k), let m = kinds.objectValue else { return nil }
      contributors[y] = m.compactMapValues { $0.objectValue?.compactMapValues(Fields.int) }
    }
  }
}
