import Journal

/// `procurement.contract-awarded`: the Ville or the Eurométropole awards a
/// public contract, with or without SPASER clauses.
///
/// `awardeeIsLocal` means established in the Bas-Rhin.
///
/// ```swift
/// let e = try ProcurementContractAwarded(validating: [
///   "contractId": "ems-2022-0147", "title": "Entretien des espaces verts, lot 3", "buyer": "eurometropole",
///   "awardee": "Jardins de la Montagne Verte", "amountEUR": 184500, "socialClause": true,
///   "environmentalClause": true, "awardeeIsESS": true, "awardeeIsSME": true, "awardeeIsLocal": true])
/// e.amountEUR.description  // "184500.00"
/// ```
public struct ProcurementContractAwarded: DomainEvent {
  public static let type = "procurement.contract-awarded"
  public static let version = 1
  public static let summary = "The Ville or the Eurométropole awards a public contract (SPASER)."
  public static let example =
    "ess append procurement.contract-awarded contractId=ems-2022-0147 title='Entretien des espaces verts, lot 3' buyer=eurometropole awardee='Jardins de la Montagne Verte' amountEUR=184500.00 socialClause=oui environmentalClause=oui fairTradeClause=non awardeeIsESS=oui awardeeIsSME=oui awardeeIsLocal=oui --occurred-on 2022-03-15 --author l.weber --source 'rapport SPASER 2022'"
  public static let fields: [FieldSpec] = [
    .required("contractId", .slug, "The contract's stable identifier (e.g. its market number)."),
    .required("title", .text(maxLength: 200), "What the contract is for."),
    .required("buyer", .choice(Buyer.allCases.map(\.rawValue)), "Who buys: the Ville or the Eurométropole."),
    .required("awardee", .text(maxLength: 200), "Who won the contract."),
    .required("amountEUR", .euros, "The contract's amount in euros."),
    .required("socialClause", .boolean, "Whether the contract has a social (insertion) clause."),
    .required("environmentalClause", .boolean, "Whether the contract has an environmental clause."),
    .optional("fairTradeClause", .boolean, "Whether the contract has a fair-trade clause."),
    .required("awardeeIsESS", .boolean, "Whether the awardee belongs to the social and solidarity economy."),
    .required("awardeeIsSME", .boolean, "Whether the awardee is a small or medium-sized enterprise."),
    .required("awardeeIsLocal", .boolean, "Whether the awardee is established in the Bas-Rhin."),
  ]

  public let contractId: String
  public let title: String
  public let buyer: Buyer
  public let awardee: String
  public let amountEUR: Euros
  public let socialClause: Bool
  public let environmentalClause: Bool
  public let fairTradeClause: Bool?
  public let awardeeIsESS: Bool
  public let awardeeIsSME: Bool
  public let awardeeIsLocal: Bool

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    contractId = r.slug("contractId")
    title = r.text("title")
    buyer = r.choice("buyer")
    awardee = r.text("awardee")
    amountEUR = r.euros("amountEUR")
    socialClause = r.bool("socialClause")
    environmentalClause = r.bool("environmentalClause")
    fairTradeClause = r.optionalBool("fairTradeClause")
    awardeeIsESS = r.bool("awardeeIsESS")
    awardeeIsSME = r.bool("awardeeIsSME")
    awardeeIsLocal = r.bool("awardeeIsLocal")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = [
      "contractId": .string(contractId), "title": .string(title), "buyer": .string(buyer.rawValue),
      "awardee": .string(awardee), "amountEUR": amountEUR.json, "socialClause": .bool(socialClause),
      "environmentalClause": .bool(environmentalClause), "awardeeIsESS": .bool(awardeeIsESS),
      "awardeeIsSME": .bool(awardeeIsSME), "awardeeIsLocal": .bool(awardeeIsLocal),
    ]
    if let fairTradeClause { o["fairTradeClause"] = .bool(fairTradeClause) }
    return .object(o)
  }
}
