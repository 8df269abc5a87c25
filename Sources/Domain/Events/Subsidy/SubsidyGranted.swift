import Journal

/// `subsidy.granted`: the Ville or the Eurométropole grants a subsidy to an
/// ESS structure, as published in the SCDL "subventions" schema (FORMATS.md §5).
/// `occurredOn` is the date of the agreement (`dateConvention`).
///
/// Rules: `beneficiaryIds` holds a SIRET or an RNA number (SCDL's
/// `idBeneficiaire` or `rnaBeneficiaire`); `paymentPeriod` is a date or a
/// period `start/end` with start ≤ end; `shareOfCost` is from 0.01 to 1.
/// An Okoté `public` pledge is not a subsidy.
///
/// ```swift
/// let e = try SubsidyGranted.view(validating: [
///   "grantor": "ville", "beneficiary": "Emmaüs Mundo", "beneficiaryIds": [["scheme": "RNA", "id": "W671234567"]],
///   "purpose": "Fonctionnement 2022", "amountEUR": 15000, "kind": "numeraire", "paymentTerms": "unique",
///   "paymentPeriod": "2022-06-30"])
/// e.amountEUR.description  // "15000.00"
/// ```
public enum SubsidyGranted: DomainEvent {
  public static let kind = EventKind.subsidyGranted
  public static let version = 1
  public static let summary = "The Ville or the Eurométropole grants a subsidy to a structure (SCDL subventions)."
  public static let summaryFR = "La Ville ou l'Eurométropole accorde une subvention à une structure (SCDL subventions)."
  public static let example =
    "ess append subsidy.granted grantor=ville beneficiary='Emmaüs Mundo' beneficiaryIds=RNA:W671234567 purpose='Fonctionnement 2022' amountEUR=15000 kind=numeraire paymentTerms=unique paymentPeriod=2022-06-30 decision='CM 2022-05-23 n°14' --occurred-on 2022-05-30 --author c.muller"

  public enum Field: Int, EventField {
    case grantor, beneficiary, beneficiaryIds, purpose, amountEUR, kind, paymentTerms, paymentPeriod, decision, grantorSiret,
      euNotified, shareOfCost, raeId, aidScheme
  }
  public static let fields: [FieldSpec] = [
    .required(
      Field.grantor, .choice(Buyer.allCases.map(\.rawValue)), "Who grants: the Ville or the Eurométropole.",
      fr: "Qui accorde : la Ville ou l'Eurométropole.", labelFR: "attribuant"),
    .required(
      Field.beneficiary, .text(maxLength: 200), "The structure that receives it.", fr: "La structure bénéficiaire.", labelFR: "bénéficiaire"
    ),
    .required(
      Field.beneficiaryIds, .companyIDList, "The beneficiary's SIRET and/or RNA number: SIRET:…,RNA:W…",
      fr: "Le SIRET et/ou le numéro RNA du bénéficiaire : SIRET:…,RNA:W…", labelFR: "identifiants du bénéficiaire"),
    .required(Field.purpose, .text(maxLength: 256), "What the subsidy is for.", fr: "L'objet de la subvention.", labelFR: "objet"),
    .required(
      Field.amountEUR, .positiveEuros, "The amount granted, in euros.", fr: "Le montant accordé, en euros.", labelFR: "montant (€)"),
    .required(
      Field.kind, .choice(SubsidyKind.allCases.map(\.rawValue)), "Money (numeraire), goods or services (nature), or both.",
      fr: "En numéraire, en nature, ou les deux.", labelFR: "nature"),
    .required(
      Field.paymentTerms, .choice(PaymentTerms.allCases.map(\.rawValue)), "Paid at once (unique), in instalments (echelonne) or otherwise.",
      fr: "Versement unique, échelonné ou autre.", labelFR: "conditions de versement"),
    .required(
      Field.paymentPeriod, .text(maxLength: 21), "When it is paid: YYYY-MM-DD, or a period YYYY-MM-DD/YYYY-MM-DD.",
      fr: "Quand elle est versée : AAAA-MM-JJ, ou une période AAAA-MM-JJ/AAAA-MM-JJ.", labelFR: "période de versement"),
    .optional(
      Field.decision, .text(maxLength: 200), "The reference of the decision (deliberation, order).",
      fr: "La référence de la décision (délibération, arrêté).", labelFR: "référence de la décision"),
    .optional(
      Field.grantorSiret, .companyID(.siret), "The grantor's SIRET, as published.", fr: "Le SIRET de l'attribuant, tel que publié.",
      labelFR: "SIRET de l'attribuant"),
    .optional(
      Field.euNotified, .boolean, "Whether the aid was notified to the European Commission.",
      fr: "Si l'aide a été notifiée à la Commission européenne.", labelFR: "notifiée à la Commission européenne"),
    .optional(
      Field.shareOfCost, .number, "The share of the funded project's cost, from 0.01 to 1.",
      fr: "La part du coût du projet financé, de 0,01 à 1.", labelFR: "part du coût du projet"),
    .optional(
      Field.raeId, .text(maxLength: 50), "The aid's id in the register of aid to companies (RAE).", fr: "L'identifiant RAE de l'aide.",
      labelFR: "identifiant RAE"),
    .optional(
      Field.aidScheme, .text(maxLength: 256), "The aid scheme it falls under.", fr: "Le dispositif d'aide.", labelFR: "dispositif d'aide"),
  ]
  static let keys = JSONKeys(Field.self)

  /// A SIRET or an RNA number among `beneficiaryIds`; `paymentPeriod` a date or a period; `shareOfCost` in 0.01…1.
  public static func checkRules(_ data: JSONObjectView) throws(DomainError) {
    let m = data.members(keys)
    let ids = View(data).beneficiaryIds
    if !ids.contains(where: { $0.scheme == "SIRET" || $0.scheme == "RNA" }) {
      throw .ruleBroken(
        Field.beneficiaryIds.name, rule: "a SIRET or an RNA number", given: .array([]),
        message:
          "Field 'beneficiaryIds' must hold the beneficiary's SIRET or RNA number (SIRET:… or RNA:W…), as SCDL requires one of them; got \(ids.isEmpty ? "none" : ids.map(\.scheme).joined(separator: ", "))."
      )
    }
    let period = m.string(Field.paymentPeriod) ?? ""
    if paymentPeriod(period) == nil {
      throw .ruleBroken(
        Field.paymentPeriod.name, rule: "YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD", given: .string(period),
        message:
          "Field 'paymentPeriod' must be a real date YYYY-MM-DD or a period YYYY-MM-DD/YYYY-MM-DD whose start is not after its end; got \(Given.raw(period))."
      )
    }
    // 0.01 … 1 exactly: scaled by 10⁴ (finer shares such as 0.125 are allowed), from 100 to 10 000.
    if let share = m.number(Field.shareOfCost), !(100...10_000).contains(share.scaled(by: 4) ?? -1) {
      throw .ruleBroken(
        Field.shareOfCost.name, rule: "0.01 ≤ shareOfCost ≤ 1", given: .number(share),
        message: "Field 'shareOfCost' must be a share from 0.01 to 1 (e.g. 0.5 for half); got \(share)."
      )
    }
  }

  /// The first and last day of a payment period `YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD`, or nil.
  public static func paymentPeriod(_ text: String) -> (start: CivilDate, end: CivilDate)? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2, let start = CivilDate(iso: String(parts[0])),
      let end = CivilDate(iso: String(parts[parts.count - 1])), start <= end
    else { return nil }
    return (start, end)
  }

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(SubsidyGranted.keys) }
    public var grantor: Buyer? { m.choice(Field.grantor) }
    public var beneficiary: String { m.string(Field.beneficiary) ?? "" }
    public var beneficiaryIds: [(scheme: String, id: String)] {
      guard let list = m.raw(Field.beneficiaryIds.rawValue), case .array(let items)? = try? JSONParser.parse(Array(list)) else {
        return []
      }
      return items.compactMap { item in
        guard case .string(let s)? = item["scheme"], case .string(let id)? = item["id"] else { return nil }
        return (s, id)
      }
    }
    public var purpose: String { m.string(Field.purpose) ?? "" }
    public var amountEUR: Euros { m.euros(Field.amountEUR) ?? .zero }
    public var kind: SubsidyKind? { m.choice(Field.kind) }
    public var paymentTerms: PaymentTerms? { m.choice(Field.paymentTerms) }
    public var paymentPeriod: String { m.string(Field.paymentPeriod) ?? "" }
    public var decision: String? { m.string(Field.decision) }
    public var grantorSiret: String? { m.string(Field.grantorSiret) }
    public var euNotified: Bool? { m.bool(Field.euNotified) }
    public var shareOfCost: JSONNumber? { m.number(Field.shareOfCost) }
    public var raeId: String? { m.string(Field.raeId) }
    public var aidScheme: String? { m.string(Field.aidScheme) }
  }
}
