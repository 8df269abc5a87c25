import Journal

/// `procurement.contract-awarded`: the Ville or the Eurométropole awards a
/// public contract, with or without SPASER clauses.
///
/// `awardeeIsLocal` means established in the Bas-Rhin.
///
/// ```swift
/// let e = try ProcurementContractAwarded.view(validating: [
///   "contractId": "ems-2022-0147", "title": "Entretien des espaces verts, lot 3", "buyer": "eurometropole",
///   "awardee": "Jardins de la Montagne Verte", "amountEUR": 184500, "socialClause": true,
///   "environmentalClause": true, "awardeeIsESS": true, "awardeeIsSME": true, "awardeeIsLocal": true])
/// e.amountEUR.description  // "184500.00"
/// ```
public enum ProcurementContractAwarded: DomainEvent {
  public static let kind = EventKind.procurementContractAwarded
  public static let version = 1
  public static let summary = "The Ville or the Eurométropole awards a public contract (SPASER)."
  public static let summaryFR = "La Ville ou l'Eurométropole attribue un marché public (SPASER)."
  public static let example =
    "ess append procurement.contract-awarded contractId=ems-2022-0147 title='Entretien des espaces verts, lot 3' buyer=eurometropole awardee='Jardins de la Montagne Verte' amountEUR=184500.00 socialClause=oui environmentalClause=oui fairTradeClause=non awardeeIsESS=oui awardeeIsSME=oui awardeeIsLocal=oui --occurred-on 2022-03-15 --author l.weber --source 'rapport SPASER 2022'"

  public enum Field: Int, EventField {
    case contractId, title, buyer, awardee, amountEUR, socialClause, environmentalClause, fairTradeClause, awardeeIsESS,
      awardeeIsSME, awardeeIsLocal
    // What DECP says and the catalog did not (FORMATS.md §1): kept, so nothing is lost.
    case decpUid, buyerSiret, awardeeIds, socialConsiderations, environmentalConsiderations, cpv, procedure, innovative,
      durationMonths, fullTitle
  }
  public static let fields: [FieldSpec] = [
    .required(
      Field.contractId, .slug, "The contract's stable identifier (e.g. its market number).",
      fr: "L'identifiant stable du marché (par exemple son numéro).", labelFR: "identifiant du marché"),
    .required(Field.title, .text(maxLength: 200), "What the contract is for.", fr: "L'objet du marché.", labelFR: "objet"),
    .required(
      Field.buyer, .choice(Buyer.allCases.map(\.rawValue)), "Who buys: the Ville or the Eurométropole.",
      fr: "L'acheteur : la Ville ou l'Eurométropole.", labelFR: "acheteur"),
    .required(Field.awardee, .text(maxLength: 200), "Who won the contract.", fr: "L'attributaire du marché.", labelFR: "attributaire"),
    .required(Field.amountEUR, .euros, "The contract's amount in euros.", fr: "Le montant du marché, en euros.", labelFR: "montant (€)"),
    .required(
      Field.socialClause, .boolean, "Whether the contract has a social (insertion) clause.",
      fr: "Si le marché comporte une clause sociale (d'insertion).", labelFR: "clause sociale"),
    .required(
      Field.environmentalClause, .boolean, "Whether the contract has an environmental clause.",
      fr: "Si le marché comporte une clause environnementale.", labelFR: "clause environnementale"),
    .optional(
      Field.fairTradeClause, .boolean, "Whether the contract has a fair-trade clause.",
      fr: "Si le marché comporte une clause de commerce équitable.", labelFR: "clause commerce équitable"),
    .required(
      Field.awardeeIsESS, .boolean, "Whether the awardee belongs to the social and solidarity economy.",
      fr: "Si l'attributaire relève de l'économie sociale et solidaire.", labelFR: "attributaire ESS"),
    .required(
      Field.awardeeIsSME, .boolean, "Whether the awardee is a small or medium-sized enterprise.",
      fr: "Si l'attributaire est une TPE ou une PME.", labelFR: "attributaire PME"),
    .required(
      Field.awardeeIsLocal, .boolean, "Whether the awardee is established in the Bas-Rhin.",
      fr: "Si l'attributaire est établi dans le Bas-Rhin.", labelFR: "attributaire local"),
    .optional(
      Field.decpUid, .text(maxLength: 100), "The DECP uid (the buyer's SIRET followed by its contract id).",
      fr: "L'uid DECP (le SIRET de l'acheteur suivi de l'identifiant du marché).", labelFR: "uid DECP"),
    .optional(Field.buyerSiret, .companyID(.siret), "The buyer's SIRET.", fr: "Le SIRET de l'acheteur.", labelFR: "SIRET de l'acheteur"),
    .optional(
      Field.awardeeIds, .companyIDList, "The awardees' identifiers, as DECP gives them: SIRET:…,TVA:…",
      fr: "Les identifiants des titulaires, tels que la DECP les donne : SIRET:…,TVA:…", labelFR: "identifiants des titulaires"),
    .optional(
      Field.socialConsiderations, .textList, "The DECP social considerations, verbatim.",
      fr: "Les considérations sociales de la DECP, telles quelles.", labelFR: "considérations sociales"),
    .optional(
      Field.environmentalConsiderations, .textList, "The DECP environmental considerations, verbatim.",
      fr: "Les considérations environnementales de la DECP, telles quelles.", labelFR: "considérations environnementales"),
    .optional(Field.cpv, .text(maxLength: 20), "The CPV code of the purchase.", fr: "Le code CPV de l'achat.", labelFR: "code CPV"),
    .optional(
      Field.procedure, .text(maxLength: 200), "The award procedure (DECP).", fr: "La procédure de passation (DECP).", labelFR: "procédure"),
    .optional(
      Field.innovative, .boolean, "Whether the purchase is innovative (DECP).", fr: "Si l'achat est innovant (DECP).",
      labelFR: "achat innovant"),
    .optional(
      Field.durationMonths, .positiveCount, "The contract's duration in months (DECP).", fr: "La durée du marché en mois (DECP).",
      labelFR: "durée (mois)"),
    .optional(
      Field.fullTitle, .text(maxLength: 1000),
      "The whole title when it is longer than title's 200 characters (a DECP objet holds up to 1 000).",
      fr: "L'objet entier quand il dépasse les 200 caractères de title (l'objet DECP en compte jusqu'à 1 000).",
      labelFR: "objet complet"),
  ]
  static let keys = JSONKeys(Field.self, through: .awardeeIsLocal)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(ProcurementContractAwarded.keys) }
    public var contractId: String { m.string(Field.contractId) ?? "" }
    public var title: String { m.string(Field.title) ?? "" }
    public var buyer: Buyer? { m.choice(Field.buyer) }
    public var awardee: String { m.string(Field.awardee) ?? "" }
    public var amountEUR: Euros { m.euros(Field.amountEUR) ?? .zero }
    public var socialClause: Bool { m.bool(Field.socialClause) == true }
    public var environmentalClause: Bool { m.bool(Field.environmentalClause) == true }
    /// Absent counts as false (BILAN.md).
    public var fairTradeClause: Bool { m.bool(Field.fairTradeClause) == true }
    public var awardeeIsESS: Bool { m.bool(Field.awardeeIsESS) == true }
    public var awardeeIsSME: Bool { m.bool(Field.awardeeIsSME) == true }
    public var awardeeIsLocal: Bool { m.bool(Field.awardeeIsLocal) == true }
  }
}
