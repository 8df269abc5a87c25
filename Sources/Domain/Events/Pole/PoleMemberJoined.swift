import Journal

/// `pole.member-joined`: a structure joins the Pôle territorial de l'ESS.
///
/// A member's joins and leaves, ordered by valid time, must alternate
/// starting with a join (checked at append time over the journal, not here).
///
/// ```swift
/// let e = try PoleMemberJoined.view(validating: [
///   "memberId": "emmaus-mundo", "name": "Emmaüs Mundo", "legalForm": "association", "city": "Strasbourg"])
/// e.legalForm  // .association
/// ```
public enum PoleMemberJoined: DomainEvent {
  public static let kind = EventKind.poleMemberJoined
  public static let version = 1
  public static let summary = "A structure joins the Pôle territorial de l'ESS as a member."
  public static let summaryFR = "Une structure adhère au Pôle territorial de l'ESS."
  public static let example =
    "ess append pole.member-joined memberId=emmaus-mundo name='Emmaüs Mundo' legalForm=association city=Strasbourg --occurred-on 2021-11-09 --author c.muller"

  public enum Field: Int, EventField { case memberId, name, legalForm, city, siren, rna }
  public static let fields: [FieldSpec] = [
    .required(
      Field.memberId, .slug, "The member's stable identifier, chosen by the admins.",
      fr: "L'identifiant stable du membre, choisi par les administrateurs.", labelFR: "identifiant du membre"),
    .required(Field.name, .text(maxLength: 200), "The structure's name.", fr: "Le nom de la structure.", labelFR: "nom"),
    .required(
      Field.legalForm, .choice(LegalForm.allCases.map(\.rawValue)), "The structure's legal form.",
      fr: "La forme juridique de la structure.", labelFR: "forme juridique"),
    .optional(
      Field.city, .text(maxLength: 200), "The city where the structure is established.", fr: "La commune où la structure est établie.",
      labelFR: "commune"),
    .optional(
      Field.siren, .companyID(.siren), "The structure's SIREN (9 digits), if it has one.",
      fr: "Le SIREN de la structure (9 chiffres), si elle en a un.", labelFR: "SIREN"),
    .optional(
      Field.rna, .companyID(.rna),
      "The association's RNA number (W + 9 digits); associations of Alsace-Moselle under local law have none.",
      fr: "Le numéro RNA de l'association (W + 9 chiffres) ; les associations de droit local d'Alsace-Moselle n'en ont pas.", labelFR: "RNA"
    ),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(PoleMemberJoined.keys) }
    public var memberId: String { m.string(Field.memberId) ?? "" }
    public var name: String { m.string(Field.name) ?? "" }
    public var legalForm: LegalForm { m.choice(Field.legalForm) ?? .autre }
    public var city: String? { m.string(Field.city) }
    public var siren: String? { m.string(Field.siren) }
    public var rna: String? { m.string(Field.rna) }
  }
}
