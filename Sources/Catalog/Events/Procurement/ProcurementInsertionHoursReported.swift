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
/// let e = try ProcurementInsertionHoursReported(validating: [
///   "contractId": "ems-2022-0147", "insertionHours": 12500, "trainingHours": 1800,
///   "beneficiaries": 14, "beneficiariesInQPV": 9])
/// e.insertionHours  // 12500
/// ```
public struct ProcurementInsertionHoursReported: DomainEvent {
  public static let type = "procurement.insertion-hours-reported"
  public static let version = 1
  public static let summary = "Insertion hours worked under one contract's social clause over one period."
  public static let example =
    "ess append procurement.insertion-hours-reported contractId=ems-2022-0147 insertionHours=12500 trainingHours=1800 beneficiaries=14 beneficiariesInQPV=9 --occurred-on 2022-12-31 --author l.weber --source 'rapport SPASER 2022'"
  public static let fields: [FieldSpec] = [
    .required("contractId", .slug, "The awarded contract the hours were worked under."),
    .required("insertionHours", .count, "Insertion hours worked over the period."),
    .required("trainingHours", .count, "Of which training hours (at most insertionHours)."),
    .required("beneficiaries", .count, "People in insertion who worked those hours."),
    .required("beneficiariesInQPV", .count, "Of which living in a QPV, quartier prioritaire (at most beneficiaries)."),
  ]

  public let contractId: String
  public let insertionHours: Int
  public let trainingHours: Int
  public let beneficiaries: Int
  public let beneficiariesInQPV: Int

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    contractId = r.slug("contractId")
    insertionHours = r.count("insertionHours")
    trainingHours = r.count("trainingHours")
    beneficiaries = r.count("beneficiaries")
    beneficiariesInQPV = r.count("beneficiariesInQPV")
    if trainingHours > insertionHours {
      throw .ruleBroken(
        "trainingHours", rule: "trainingHours ≤ insertionHours", given: .number(JSONNumber(Int64(trainingHours))),
        message:
          "Field 'trainingHours' must be at most insertionHours (\(insertionHours)), since training hours are part of the insertion hours; got \(trainingHours)."
      )
    }
    if beneficiariesInQPV > beneficiaries {
      throw .ruleBroken(
        "beneficiariesInQPV", rule: "beneficiariesInQPV ≤ beneficiaries", given: .number(JSONNumber(Int64(beneficiariesInQPV))),
        message:
          "Field 'beneficiariesInQPV' must be at most beneficiaries (\(beneficiaries)), since they are part of the beneficiaries; got \(beneficiariesInQPV)."
      )
    }
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object([
      "contractId": .string(contractId),
      "insertionHours": .number(JSONNumber(Int64(insertionHours))),
      "trainingHours": .number(JSONNumber(Int64(trainingHours))),
      "beneficiaries": .number(JSONNumber(Int64(beneficiaries))),
      "beneficiariesInQPV": .number(JSONNumber(Int64(beneficiariesInQPV))),
    ])
  }
}
