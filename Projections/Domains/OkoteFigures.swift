import Domain
import Journal

/// Okoté matchfunding: campaigns opened and funded, pledges by kind of
/// contributor, distinct residents and companies.
package struct OkoteFigures: DomainFigures {
  enum Slot: Int, CounterSlot { case opened, funded, cents, citizenCents, companyCents, publicCents }
  var counters = YearCounters(Slot.self)
  /// year → kind → contributorId → number of pledges (distinct = keys).
  var contributors: [Int: [String: [String: Int64]]] = [:]

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    let y = e.year
    switch e.kind {
    case .okoteCampaignOpened:
      counters.add(y, Slot.opened, sign)
    case .okoteCampaignClosed:
      if OkoteCampaignClosed.View(e.data).outcome == .funded { counters.add(y, Slot.funded, sign) }
    case .okotePledgeMade:
      let pledge = OkotePledgeMade.View(e.data)
      let cents = pledge.amountEUR.cents
      let kind = pledge.contributorKind
      counters.add(y, Slot.cents, sign * cents)
      let bySlot: Slot =
        switch kind {
        case .citizen: .citizenCents
        case .company: .companyCents
        case .public: .publicCents
        }
      counters.add(y, bySlot, sign * cents)
      if kind == .citizen || kind == .company {
        let who = pledge.contributorId
        let count = (contributors[y]?[kind.rawValue]?[who] ?? 0) + sign
        contributors[y, default: [:]][kind.rawValue, default: [:]][who] = count == 0 ? nil : count
      }
    default: break
    }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    func c(_ slot: Slot) -> Int64 { counters.get(year, slot) }
    func distinct(_ kind: ContributorKind) -> Int64 { Int64(contributors[year]?[kind.rawValue]?.count ?? 0) }
    return [
      .init(key: "okote.campaigns_opened", value: .integer(c(.opened)), unit: .count),
      .init(key: "okote.campaigns_funded", value: .integer(c(.funded)), unit: .count),
      .init(key: "okote.amount_eur", value: .cents(c(.cents)), unit: .eur),
      .init(key: "okote.amount_citizens_eur", value: .cents(c(.citizenCents)), unit: .eur),
      .init(key: "okote.amount_companies_eur", value: .cents(c(.companyCents)), unit: .eur),
      .init(key: "okote.amount_public_eur", value: .cents(c(.publicCents)), unit: .eur),
      .init(key: "okote.citizens", value: .integer(distinct(.citizen)), unit: .persons),
      .init(key: "okote.companies", value: .integer(distinct(.company)), unit: .count),
    ]
  }

  package var encoded: JSONValue {
    [
      "counters": counters.encoded,
      "contributors": .object(
        Dictionary(
          uniqueKeysWithValues: contributors.map { (String($0.key), .object($0.value.mapValues { .object($0.mapValues(Fields.n)) })) })),
    ]
  }

  package init?(decoding v: JSONValue) {
    guard let c = YearCounters(Slot.self, decoding: v["counters"]), let o = v["contributors"]?.objectValue else { return nil }
    counters = c
    for (k, kinds) in o {
      guard let y = Int(k), let m = kinds.objectValue else { return nil }
      contributors[y] = m.compactMapValues { $0.objectValue?.compactMapValues(Fields.int) }
    }
  }
}
