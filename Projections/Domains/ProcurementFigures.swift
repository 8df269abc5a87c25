import Journal

/// Responsible public procurement (SPASER): contracts and their clauses,
/// amounts, insertion hours reported, unsuccessful tenders.
public struct ProcurementFigures: DomainFigures {
  /// The counters kept per year, by slot (their names are the checkpoint's).
  enum Slot: Int, CaseIterable {
    case contracts, socialClause, environmentalClause, fairTradeClause, awardeeIsSME, awardeeIsLocal, essCents, cents
    case insertionHours, trainingHours, beneficiaries, beneficiariesInQPV, unsuccessful
  }
  static let slots = Slot.allCases.map { "\($0)" }
  /// The members a contract's fold reads, in one pass: the amount, `awardeeIsESS`, then the flags of slots 1…5.
  static let contractFields: [StaticString] = [
    "amountEUR", "awardeeIsESS", "socialClause", "environmentalClause", "fairTradeClause", "awardeeIsSME", "awardeeIsLocal",
  ]
  static let reportFields: [StaticString] = ["insertionHours", "trainingHours", "beneficiaries", "beneficiariesInQPV"]
  var counters = YearCounters(slots)

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    let y = e.year
    switch e.type {
    case "procurement.contract-awarded":
      let m = e.data.members(Self.contractFields)
      let cents = m.scaled(0, by: 2) ?? 0
      let isESS = m.bool(1) == true
      counters.update(y) { row in
        row[0] += sign
        for slot in 1...5 where m.bool(slot + 1) == true { row[slot] += sign }
        if isESS { row[6] += sign * cents }
        row[7] += sign * cents
      }
    case "procurement.insertion-hours-reported":
      let m = e.data.members(Self.reportFields)
      counters.update(y) { row in
        for n in 0..<4 { row[8 + n] += sign * (m.int64(n) ?? 0) }
      }
    case "procurement.tender-unsuccessful":
      counters.add(y, 12, sign)
    default: break
    }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    // The year's row fetched once (`ess history` asks after every event).
    let row = counters.row(of: year)
    func c(_ k: Slot) -> Int64 { row.map { $0[k.rawValue] } ?? 0 }
    let n = c(.contracts)
    return [
      .init(key: "procurement.contracts_awarded", value: .integer(n), unit: .count),
      .init(key: "procurement.social_clause_share", value: Fields.share(c(.socialClause), n), unit: .share),
      .init(key: "procurement.environmental_clause_share", value: Fields.share(c(.environmentalClause), n), unit: .share),
      .init(key: "procurement.fair_trade_clause_share", value: Fields.share(c(.fairTradeClause), n), unit: .share),
      .init(key: "procurement.sme_share", value: Fields.share(c(.awardeeIsSME), n), unit: .share),
      .init(key: "procurement.local_share", value: Fields.share(c(.awardeeIsLocal), n), unit: .share),
      .init(key: "procurement.ess_amount_eur", value: .cents(c(.essCents)), unit: .eur),
      .init(key: "procurement.amount_eur", value: .cents(c(.cents)), unit: .eur),
      .init(key: "procurement.insertion_hours", value: .integer(c(.insertionHours)), unit: .hours),
      .init(key: "procurement.training_hours", value: .integer(c(.trainingHours)), unit: .hours),
      .init(key: "procurement.beneficiaries", value: .integer(c(.beneficiaries)), unit: .persons),
      .init(key: "procurement.beneficiaries_qpv_share", value: Fields.share(c(.beneficiariesInQPV), c(.beneficiaries)), unit: .share),
      .init(key: "procurement.unsuccessful_tenders", value: .integer(c(.unsuccessful)), unit: .count),
    ]
  }

  public var encoded: JSONValue { ["counters": counters.encoded] }

  public init?(decoding v: JSONValue) {
    guard let c = YearCounters(Self.slots, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
