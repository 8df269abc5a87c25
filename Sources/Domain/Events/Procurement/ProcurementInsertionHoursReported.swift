import Journal

/// `procurement.insertion-hours-reported`: the insertion hours worked under
/// the social clause of one contract over one period (`occurredOn` is the
/// end of the period).
///
/// Rules: `trainingHours ≤ insertionHours` (training hours are part of the
/// insertion hours) and `beneficiariesInQPV ≤ beneficiaries`. That the
/// contract was awarded on or before the report's date is checked at append
/// time over the journal.
///
/// ```swift
/// let e = try ProcurementInsertionHoursReported.view(validating: [
///   "contractId": "ems-2022-0147", "insertionHours": 12500, "trainingHours": 1800,
///   "beneficiaries": 14, "beneficiariesInQPV": 9])
/// e.insertionHours  // 12500
/// ```
public enum ProcurementInsertionHoursReported: DomainEvent {
  public static let kind = EventKind.procurementInsertionHoursReported
  public static let version = 1
  public static let summary = "Insertion hours worked under one contract's social clause over one period."
  public static let summaryFR = "Heures d'insertion réalisées au titre de la clause sociale d'un marché, sur une période."
  public static let example =
    "ess append procurement.insertion-hours-reported contractId=ems-2022-0147 insertionHours=12500 trainingHours=1800 beneficiaries=14 beneficiariesInQPV=9 --occurred-on 2022-12-31 --author l.weber --source 'rapport SPASER 2022'"

  public enum Field: Int, EventField { case contractId, insertionHours, trainingHours, beneficiaries, beneficiariesInQPV }
  public static let fields: [FieldSpec] = [
    .required(
      Field.contractId, .slug, "The awarded contract the hours were worked under.",
      fr: "Le marché attribué au titre duquel les heures ont été réalisées.", labelFR: "identifiant du marché"),
    .required(
      Field.insertionHours, .count, "Insertion hours worked over the period.", fr: "Heures d'insertion réalisées sur la période.",
      labelFR: "heures d'insertion"),
    .required(
      Field.trainingHours, .count, "Of which training hours (at most insertionHours).",
      fr: "Dont heures de formation (au plus insertionHours).", labelFR: "heures de formation"),
    .required(
      Field.beneficiaries, .count, "People in insertion who worked those hours.", fr: "Personnes en insertion ayant réalisé ces heures.",
      labelFR: "bénéficiaires"),
    .required(
      Field.beneficiariesInQPV, .count, "Of which living in a QPV, quartier prioritaire (at most beneficiaries).",
      fr: "Dont habitants d'un quartier prioritaire, QPV (au plus beneficiaries).", labelFR: "bénéficiaires en QPV"),
  ]
  static let keys = JSONKeys(Field.self)

  /// `trainingHours ≤ insertionHours` and `beneficiariesInQPV ≤ beneficiaries`.
  public static func checkRules(_ data: JSONObjectView) throws(DomainError) {
    let data = View(data)
    if data.trainingHours > data.insertionHours {
      throw .ruleBroken(
        Field.trainingHours.name, rule: "trainingHours ≤ insertionHours", given: .number(JSONNumber(data.trainingHours)),
        message:
          "Field 'trainingHours' must be at most insertionHours (\(data.insertionHours)), since training hours are part of the insertion hours; got \(data.trainingHours)."
      )
    }
    if data.beneficiariesInQPV > data.beneficiaries {
      throw .ruleBroken(
        Field.beneficiariesInQPV.name, rule: "beneficiariesInQPV ≤ beneficiaries", given: .number(JSONNumber(data.beneficiariesInQPV)),
        message:
          "Field 'beneficiariesInQPV' must be at most beneficiaries (\(data.beneficiaries)), since they are part of the beneficiaries; got \(data.beneficiariesInQPV)."
      )
    }
  }

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(ProcurementInsertionHoursReported.keys) }
    public var contractId: String { m.string(Field.contractId) ?? "" }
    public var insertionHours: Int64 { m.int64(Field.insertionHours) ?? 0 }
    public var trainingHours: Int64 { m.int64(Field.trainingHours) ?? 0 }
    public var beneficiaries: Int64 { m.int64(Field.beneficiaries) ?? 0 }
    public var beneficiariesInQPV: Int64 { m.int64(Field.beneficiariesInQPV) ?? 0 }
  }
}
