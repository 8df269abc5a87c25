import Journal

extension BilanState {
  /// The bilan of `year` from this state (the fold of the history read).
  public func bilan(year: Int, asKnownOn: String?, journalSeq: UInt64, journalHash: ChainHash) -> Bilan {
    let t = years[year] ?? YearTotals()
    let endOfYear = Int32(CivilDate(year: year, month: 12, day: 31)!.daysSince1970)
    var out: [Bilan.Indicator] = []
    func add(_ key: String, _ value: Bilan.Value, _ unit: Bilan.Unit) { out.append(.init(key: key, value: value, unit: unit)) }
    func share(_ n: Int64, _ d: Int64) -> Bilan.Value { d == 0 ? .null : .fraction(n, d) }

    var members: Int64 = 0
    for (_, history) in memberships {
      let last = history.filter { $0.value.day <= endOfYear }.max {
        ($0.value.day, $0.value.timeOfDay, $0.key) < ($1.value.day, $1.value.timeOfDay, $1.key)
      }
      if last?.value.joined == true { members += 1 }
    }
    add("pole.members_at_year_end", .integer(members), .count)
    add("pole.members_joined", .integer(t.membersJoined), .count)
    add("pole.members_left", .integer(t.membersLeft), .count)
    let board = boards.values.filter { $0.day <= endOfYear }.max { $0.order < $1.order }
    add("pole.board_size", board.map { .integer($0.value) } ?? .null, .count)
    add("pole.general_assemblies", .integer(t.generalAssemblies), .count)
    add("conseil.plenaries", .integer(t.plenaries), .count)
    add("conseil.plenary_participants", .integer(t.plenaryParticipants), .persons)
    add("conseil.workshop_meetings", .integer(t.workshops), .count)
    add("conseil.workshop_participants", .integer(t.workshopParticipants), .persons)
    add("procurement.contracts_awarded", .integer(t.contracts), .count)
    add("procurement.social_clause_share", share(t.socialClause, t.contracts), .share)
    add("procurement.environmental_clause_share", share(t.environmentalClause, t.contracts), .share)
    add("procurement.fair_trade_clause_share", share(t.fairTradeClause, t.contracts), .share)
    add("procurement.sme_share", share(t.sme, t.contracts), .share)
    add("procurement.local_share", share(t.local, t.contracts), .share)
    add("procurement.ess_amount_eur", .cents(t.essAmountCents), .eur)
    add("procurement.amount_eur", .cents(t.amountCents), .eur)
    add("procurement.insertion_hours", .integer(t.insertionHours), .hours)
    add("procurement.training_hours", .integer(t.trainingHours), .hours)
    add("procurement.beneficiaries", .integer(t.beneficiaries), .persons)
    add("procurement.beneficiaries_qpv_share", share(t.beneficiariesQPV, t.beneficiaries), .share)
    add("procurement.unsuccessful_tenders", .integer(t.unsuccessfulTenders), .count)
    add("okote.campaigns_opened", .integer(t.campaignsOpened), .count)
    add("okote.campaigns_funded", .integer(t.campaignsFunded), .count)
    add("okote.amount_eur", .cents(t.okoteCents), .eur)
    add("okote.amount_citizens_eur", .cents(t.okoteCitizensCents), .eur)
    add("okote.amount_companies_eur", .cents(t.okoteCompaniesCents), .eur)
    add("okote.amount_public_eur", .cents(t.okotePublicCents), .eur)
    add("okote.citizens", .integer(Int64(t.citizens.count)), .persons)
    add("okote.companies", .integer(Int64(t.companies.count)), .count)
    add("books.collected", .integer(t.books), .count)
    add("books.donated_eur", .cents(t.books * 10), .eur)  // 10 books = 1 € = 100 cents
    let total = years.filter { $0.key <= year }.reduce(Int64(0)) { $0 + $1.value.books }
    add("books.collected_total", .integer(total), .count)
    add("books.donated_total_eur", .cents(total * 10), .eur)
    let edition = marcheOff[year]?.values.max { $0.order < $1.order }?.value
    func field(_ k: String) -> Bilan.Value {
      guard let n = edition?.int64(k) else { return .null }
      return .integer(n)
    }
    add("marcheoff.exhibitors", field("exhibitors"), .count)
    add("marcheoff.partners", field("partners"), .count)
    add("marcheoff.events", field("eventsCount"), .count)
    let revenue = edition?.scaled("revenueEUR", by: 2)
    add("marcheoff.revenue_eur", revenue.map { .cents($0) } ?? .null, .eur)
    for (key, values) in (reported[year] ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard let latest = values.values.max(by: { $0.order < $1.order }) else { continue }
      let unit: Bilan.Unit =
        switch latest.value.string("unit") {
        case "persons": .persons
        case "hours": .hours
        case "EUR": .eur
        case "percent": .percent
        default: .number
        }
      let number = latest.value.raw("value").flatMap { JSONNumber(literal: String(decoding: $0, as: UTF8.self)) }
      add(key, number.map { .number($0) } ?? .null, unit)
    }
    let stones = (milestones[year] ?? [:]).values.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    return Bilan(
      year: year, asKnownOn: asKnownOn, journalSeq: journalSeq, journalHash: journalHash, indicators: out, milestones: stones)
  }
}
