import Domain
import Journal

/// A deliberately naive second implementation of BILAN.md: first the
/// effective events (corrections applied by brute force), then every
/// indicator by filtering them. Shares nothing with BilanState.
public enum ReferenceBilan {
  struct Event {
    var seq: UInt64
    var type: String
    var occurredOn: String
    var data: JSONValue
  }

  static func effective(_ records: [Record]) -> [Event] {
    var events: [UInt64: Event] = [:]
    var originals: [UInt64: Event] = [:]
    for r in records {
      let data = try! r.data()
      switch r.type {
      case "event.corrected":
        let target = UInt64(data["target"]!.numberValue!.int64Value!)
        guard var e = originals[target] else { continue }
        e.data = data["data"]!
        if let on = data["occurredOn"]?.stringValue { e.occurredOn = on }
        events[target] = e
      case "event.retracted":
        events[UInt64(data["target"]!.numberValue!.int64Value!)] = nil
      default:
        let e = Event(seq: r.seq, type: r.type, occurredOn: r.occurredOn, data: data)
        events[r.seq] = e
        originals[r.seq] = e
      }
    }
    return events.values.sorted { $0.seq < $1.seq }
  }

  static func day(_ e: Event) -> (Int64, Int64) {
    let t = ValidTime(e.occurredOn)!
    return (Int64(t.day), Int64(t.timeOfDay))
  }

  static func year(_ e: Event) -> Int { CivilDate(daysSince1970: day(e).0).year }

  /// Every indicator of BILAN.md for year `y`, as JSON values.
  public static func indicators(_ records: [Record], year y: Int) -> [String: JSONValue] {
    let all = effective(records)
    let end = CivilDate(year: y, month: 12, day: 31)!.daysSince1970
    let inY = all.filter { year($0) == y }
    func of(_ t: String) -> [Event] { inY.filter { $0.type == t } }
    func count(_ t: String) -> JSONValue { .number(JSONNumber(Int64(of(t).count))) }
    func sum(_ es: [Event], _ k: String) -> Int64 { es.reduce(0) { $0 + ($1.data[k]?.numberValue?.int64Value ?? 0) } }
    func cents(_ es: [Event], _ k: String) -> Int64 { es.reduce(0) { $0 + ($1.data[k]?.numberValue?.scaled(by: 2) ?? 0) } }
    func n(_ v: Int64) -> JSONValue { .number(JSONNumber(v)) }
    func eur(_ c: Int64) -> JSONValue { .number(JSONNumber(scaledInteger: c, scale: 2)!) }
    func share(_ a: Int, _ b: Int) -> JSONValue {
      b == 0 ? .null : .number(JSONNumber(literal: "\(Double(a) / Double(b))")!)
    }
    func latest(_ es: [Event]) -> Event? { es.max { (day($0).0, day($0).1, $0.seq) < (day($1).0, day($1).1, $1.seq) } }
    var out: [String: JSONValue] = [:]
    // Pôle
    let memberEvents = all.filter { $0.type == "pole.member-joined" || $0.type == "pole.member-left" }
    let ids = Set(memberEvents.map { $0.data["memberId"]!.stringValue! })
    out["pole.members_at_year_end"] = n(
      Int64(
        ids.filter { id in
          latest(memberEvents.filter { $0.data["memberId"]!.stringValue! == id && day($0).0 <= end })?.type == "pole.member-joined"
        }.count))
    out["pole.members_joined"] = count("pole.member-joined")
    out["pole.members_left"] = count("pole.member-left")
    let board = latest(all.filter { $0.type == "pole.board-elected" && day($0).0 <= end })
    out["pole.board_size"] = board.map { n(Int64($0.data["memberIds"]!.arrayValue!.count)) } ?? .null
    out["pole.general_assemblies"] = count("pole.general-assembly-held")
    out["conseil.plenaries"] = count("conseil.plenary-held")
    out["conseil.plenary_participants"] = n(sum(of("conseil.plenary-held"), "participants"))
    out["conseil.workshop_meetings"] = count("conseil.workshop-held")
    out["conseil.workshop_participants"] = n(sum(of("conseil.workshop-held"), "participants"))
    // Procurement
    let contracts = of("procurement.contract-awarded")
    func flagged(_ k: String) -> Int { contracts.filter { $0.data[k]?.boolValue == true }.count }
    out["procurement.contracts_awarded"] = n(Int64(contracts.count))
    out["procurement.social_clause_share"] = share(flagged("socialClause"), contracts.count)
    out["procurement.environmental_clause_share"] = share(flagged("environmentalClause"), contracts.count)
    out["procurement.fair_trade_clause_share"] = share(flagged("fairTradeClause"), contracts.count)
    out["procurement.sme_share"] = share(flagged("awardeeIsSME"), contracts.count)
    out["procurement.local_share"] = share(flagged("awardeeIsLocal"), contracts.count)
    out["procurement.ess_amount_eur"] = eur(cents(contracts.filter { $0.data["awardeeIsESS"]?.boolValue == true }, "amountEUR"))
    out["procurement.amount_eur"] = eur(cents(contracts, "amountEUR"))
    let reports = of("procurement.insertion-hours-reported")
    out["procurement.insertion_hours"] = n(sum(reports, "insertionHours"))
    out["procurement.training_hours"] = n(sum(reports, "trainingHours"))
    out["procurement.beneficiaries"] = n(sum(reports, "beneficiaries"))
    out["procurement.beneficiaries_qpv_share"] = share(Int(sum(reports, "beneficiariesInQPV")), Int(sum(reports, "beneficiaries")))
    out["procurement.unsuccessful_tenders"] = count("procurement.tender-unsuccessful")
    // Okoté
    out["okote.campaigns_opened"] = count("okote.campaign-opened")
    out["okote.campaigns_funded"] = n(Int64(of("okote.campaign-closed").filter { $0.data["outcome"]?.stringValue == "funded" }.count))
    let pledges = of("okote.pledge-made")
    func by(_ kind: String) -> [Event] { pledges.filter { $0.data["contributorKind"]?.stringValue == kind } }
    out["okote.amount_eur"] = eur(cents(pledges, "amountEUR"))
    out["okote.amount_citizens_eur"] = eur(cents(by("citizen"), "amountEUR"))
    out["okote.amount_companies_eur"] = eur(cents(by("company"), "amountEUR"))
    out["okote.amount_public_eur"] = eur(cents(by("public"), "amountEUR"))
    out["okote.citizens"] = n(Int64(Set(by("citizen").map { $0.data["contributorId"]!.stringValue! }).count))
    out["okote.companies"] = n(Int64(Set(by("company").map { $0.data["contributorId"]!.stringValue! }).count))
    // Books
    let books = sum(of("books.donation-counted"), "books")
    let total = sum(all.filter { $0.type == "books.donation-counted" && year($0) <= y }, "books")
    out["books.collected"] = n(books)
    out["books.donated_eur"] = eur(books * 10)
    out["books.collected_total"] = n(total)
    out["books.donated_total_eur"] = eur(total * 10)
    // Marché OFF
    let edition = latest(all.filter { $0.type == "marcheoff.edition-reported" && $0.data["edition"]?.numberValue?.int64Value == Int64(y) })
    out["marcheoff.exhibitors"] = edition?.data["exhibitors"] ?? .null
    out["marcheoff.partners"] = edition?.data["partners"] ?? .null
    out["marcheoff.events"] = edition?.data["eventsCount"] ?? .null
    out["marcheoff.revenue_eur"] = edition.map { eur($0.data["revenueEUR"]!.numberValue!.scaled(by: 2)!) } ?? .null
    // Subsidies
    out["subsidy.grants"] = count("subsidy.granted")
    out["subsidy.amount_eur"] = eur(cents(of("subsidy.granted"), "amountEUR"))
    // Reported figures
    let reported = of("indicator.reported")
    func key(_ e: Event) -> String {
      "reported." + e.data["indicator"]!.stringValue! + (e.data["scope"]?.stringValue.map { "." + $0 } ?? "")
    }
    for k in Set(reported.map(key)) { out[k] = latest(reported.filter { key($0) == k })!.data["value"]! }
    return out
  }
}
