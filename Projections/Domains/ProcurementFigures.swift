import Domain
import Journal

/// Responsible public procurement (SPASER): contracts and their clauses,
/// amounts, insertion hours reported, unsuccessful tenders.
package struct ProcurementFigures: DomainFigures {
  /// The counters kept per year (their names are the checkpoint's).
  enum Slot: Int, CounterSlot {
    case contracts, socialClause, environmentalClause, fairTradeClause, awardeeIsSME, awardeeIsLocal, essCents, cents
    case insertionHours, trainingHours, beneficiaries, beneficiariesInQPV, unsuccessful
  }
  var counters = YearCounters(Slot.self)

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    switch e.kind {
    case .procurementContractAwarded:
      let c = ProcurementContractAwarded.View(e.data)
      let cents = c.amountEUR.cents
      counters.update(e.year) { row in
        func add(_ slot: Slot, _ v: Int64) { row[slot.rawValue] += v }
        add(.contracts, sign)
        if c.socialClause { add(.socialClause, sign) }
        if c.environmentalClause { add(.environmentalClause, sign) }
        if c.fairTradeClause { add(.fairTradeClause, sign) }
        if c.awardeeIsSME { add(.awardeeIsSME, sign) }
        if c.awardeeIsLocal { add(.awardeeIsLocal, sign) }
        if c.awardeeIsESS { add(.essCents, sign * cents) }
        add(.cents, sign * cents)
      }
    case .procurementInsertionHoursReported:
      let r = ProcurementInsertionHoursReported.View(e.data)
      counters.update(e.year) { row in
        row[Slot.insertionHours.rawValue] += sign * r.insertionHours
        row[Slot.trainingHours.rawValue] += sign * r.trainingHours
        row[Slot.beneficiaries.rawValue] += sign * r.beneficiaries
        row[Slot.beneficiariesInQPV.rawValue] += sign * r.beneficiariesInQPV
      }
    case .procurementTenderUnsuccessful:
      counters.add(e.year, Slot.unsuccessful, sign)
    default: break
    }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
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

  package var encoded: JSONValue { ["counters": counters.encoded] }

  package init?(decoding v: JSONValue) {
    guard let c = YearCounters(Slot.self, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
