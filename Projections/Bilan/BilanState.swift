import Catalog
import Journal

/// Everything the bilan of any year needs, folded from effective changes:
/// additive totals per year, plus what is not additive (memberships and
/// boards through time, the latest Marché OFF report per edition, the latest
/// reported figure per key, milestones). Pure: no I/O, no clock.
public struct BilanState: Sendable, Equatable {
  public var years: [Int: YearTotals] = [:]
  /// memberId → seq → (valid time, joined?).
  public var memberships: [String: [UInt64: Membership]] = [:]
  /// seq → board election.
  public var boards: [UInt64: Stamped<Int64>] = [:]
  /// edition → seq → report.
  public var marcheOff: [Int: [UInt64: Stamped<JSONObjectView>]] = [:]
  /// year → key (`reported.<indicator>[.<scope>]`) → seq → the report's data (value, unit).
  public var reported: [Int: [String: [UInt64: Stamped<JSONObjectView>]]] = [:]
  /// year → seq → milestone.
  public var milestones: [Int: [UInt64: Milestone]] = [:]

  public init() {}

  public struct Membership: Sendable, Equatable {
    public var day: Int32
    public var timeOfDay: Int32
    public var joined: Bool
  }

  /// A value with the valid time and seq that order "the latest by valid time".
  public struct Stamped<Value: Sendable & Equatable>: Sendable, Equatable {
    public var day: Int32
    public var timeOfDay: Int32
    public var seq: UInt64
    public var value: Value
    var order: (Int32, Int32, UInt64) { (day, timeOfDay, seq) }
  }

  public struct Milestone: Sendable, Equatable {
    public var date: String
    public var kind: String
    public var title: String
    public var seq: UInt64
  }

  /// Folds one change.
  public mutating func apply(_ change: EffectiveChange) {
    switch change {
    case .added(let e): apply(e, sign: 1)
    case .removed(let e): apply(e, sign: -1)
    }
  }

  mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    let d = e.data
    let y = e.year
    func int(_ k: String) -> Int64 { d.int64(k) ?? 0 }
    func cents(_ k: String) -> Int64 { d.scaled(k, by: 2) ?? 0 }
    func flag(_ k: String) -> Int64 { d.bool(k) == true ? 1 : 0 }
    func str(_ k: String) -> String { d.string(k) ?? "" }
    switch e.type {
    case "pole.member-joined", "pole.member-left":
      let joined = e.type == "pole.member-joined"
      if joined { years[y, default: .init()].membersJoined += sign } else { years[y, default: .init()].membersLeft += sign }
      memberships[str("memberId"), default: [:]][e.seq] =
        sign > 0 ? Membership(day: e.day, timeOfDay: e.timeOfDay, joined: joined) : nil
    case "pole.board-elected":
      boards[e.seq] =
        sign > 0 ? Stamped(day: e.day, timeOfDay: e.timeOfDay, seq: e.seq, value: Int64(d.strings("memberIds")?.count ?? 0)) : nil
    case "pole.general-assembly-held":
      years[y, default: .init()].generalAssemblies += sign
    case "conseil.plenary-held":
      years[y, default: .init()].plenaries += sign
      years[y, default: .init()].plenaryParticipants += sign * int("participants")
    case "conseil.workshop-held":
      years[y, default: .init()].workshops += sign
      years[y, default: .init()].workshopParticipants += sign * int("participants")
    case "procurement.contract-awarded":
      var t = years[y, default: .init()]
      t.contracts += sign
      t.socialClause += sign * flag("socialClause")
      t.environmentalClause += sign * flag("environmentalClause")
      t.fairTradeClause += sign * flag("fairTradeClause")
      t.sme += sign * flag("awardeeIsSME")
      t.local += sign * flag("awardeeIsLocal")
      t.essAmountCents += sign * flag("awardeeIsESS") * cents("amountEUR")
      t.amountCents += sign * cents("amountEUR")
      years[y] = t
    case "procurement.insertion-hours-reported":
      var t = years[y, default: .init()]
      t.insertionHours += sign * int("insertionHours")
      t.trainingHours += sign * int("trainingHours")
      t.beneficiaries += sign * int("beneficiaries")
      t.beneficiariesQPV += sign * int("beneficiariesInQPV")
      years[y] = t
    case "procurement.tender-unsuccessful":
      years[y, default: .init()].unsuccessfulTenders += sign
    case "okote.campaign-opened":
      years[y, default: .init()].campaignsOpened += sign
    case "okote.campaign-closed":
      if str("outcome") == "funded" { years[y, default: .init()].campaignsFunded += sign }
    case "okote.pledge-made":
      var t = years[y, default: .init()]
      let c = cents("amountEUR")
      t.okoteCents += sign * c
      let who = str("contributorId")
      switch str("contributorKind") {
      case "citizen":
        t.okoteCitizensCents += sign * c
        t.citizens[who, default: 0] += sign
        if t.citizens[who] == 0 { t.citizens[who] = nil }
      case "company":
        t.okoteCompaniesCents += sign * c
        t.companies[who, default: 0] += sign
        if t.companies[who] == 0 { t.companies[who] = nil }
      default:
        t.okotePublicCents += sign * c
      }
      years[y] = t
    case "books.donation-counted":
      years[y, default: .init()].books += sign * int("books")
    case "marcheoff.edition-reported":
      let edition = Int(int("edition"))
      marcheOff[edition, default: [:]][e.seq] = sign > 0 ? Stamped(day: e.day, timeOfDay: e.timeOfDay, seq: e.seq, value: d) : nil
    case "indicator.reported":
      var key = "reported." + str("indicator")
      if let scope = d.string("scope") { key += "." + scope }
      reported[y, default: [:]][key, default: [:]][e.seq] =
        sign > 0 ? Stamped(day: e.day, timeOfDay: e.timeOfDay, seq: e.seq, value: d) : nil
    case "milestone.reached":
      milestones[y, default: [:]][e.seq] =
        sign > 0
        ? Milestone(date: CivilDate(daysSince1970: Int64(e.day)).description, kind: str("kind"), title: str("title"), seq: e.seq) : nil
    default:
      break
    }
  }
}
