import Journal

/// Responsible public procurement (SPASER): contracts and their clauses,
/// amounts, insertion hours reported, unsuccessful tenders.
public struct ProcurementFigures: DomainFigures {
  static let slots = [
    "contracts", "socialClause", "environmentalClause", "fairTradeClause", "awardeeIsSME", "awardeeIsLocal", "essCents", "cents",
    "insertionHours", "trainingHours", "beneficiaries", "beneficiariesInQPV", "unsuccessful",
  ]
  static let slot = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
  static let flags = [(1, "socialClause"), (2, "environmentalClause"), (3, "fairTradeClause"), (4, "awardeeIsSME"), (5, "awardeeIsLocal")]
  var counters = YearCounters(slots)

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    let d = e.data
    let y = e.year
    func flag(_ k: String) -> Int64 { d.bool(k) == true ? sign : 0 }
    switch e.type {
    case "procurement.contract-awarded":
      let cents = d.scaled("amountEUR", by: 2) ?? 0
      counters.add(y, 0, sign)
      for (i, k) in Self.flags { counters.add(y, i, flag(k)) }
      counters.add(y, 6, d.bool("awardeeIsESS") == true ? sign * cents : 0)
      counters.add(y, 7, sign * cents)
    case "procurement.insertion-hours-reported":
      let values = d.int64s(["insertionHours", "trainingHours", "beneficiaries", "beneficiariesInQPV"])
      for (n, v) in values.enumerated() { counters.add(y, 8 + n, sign * (v ?? 0)) }
    case "procurement.tender-unsuccessful":
      counters.add(y, 12, sign)
    default: break
    }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    func c(_ k: String) -> Int64 { counters.get(year, Self.slot[k]!) }
    let n = c("contracts")
    return [
      .init(key: "procurement.contracts_awarded", value: .integer(n), unit: .count),
      .init(key: "procurement.social_clause_share", value: Fields.share(c("socialClause"), n), unit: .share),
      .init(key: "procurement.environmental_clause_share", value: Fields.share(c("environmentalClause"), n), unit: .share),
      .init(key: "procurement.fair_trade_clause_share", value: Fields.share(c("fairTradeClause"), n), unit: .share),
      .init(key: "procurement.sme_share", value: Fields.share(c("awardeeIsSME"), n), unit: .share),
      .init(key: "procurement.local_share", value: Fields.share(c("awardeeIsLocal"), n), unit: .share),
      .init(key: "procurement.ess_amount_eur", value: .cents(c("essCents")), unit: .eur),
      .init(key: "procurement.amount_eur", value: .cents(c("cents")), unit: .eur),
      .init(key: "procurement.insertion_hours", value: .integer(c("insertionHours")), unit: .hours),
      .init(key: "procurement.training_hours", value: .integer(c("trainingHours")), unit: .hours),
      .init(key: "procurement.beneficiaries", value: .integer(c("beneficiaries")), unit: .persons),
      .init(key: "procurement.beneficiaries_qpv_share", value: Fields.share(c("beneficiariesInQPV"), c("beneficiaries")), unit: .share),
      .init(key: "procurement.unsuccessful_tenders", value: .integer(c("unsuccessful")), unit: .count),
    ]
  }

  public var encoded: JSONValue { ["counters": counters.encoded] }

  public init?(decoding v: JSONValue) {
    guard let c = YearCounters(Self.slots, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
