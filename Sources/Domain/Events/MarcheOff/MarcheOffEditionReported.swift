import Journal

/// `marcheoff.edition-reported`: the figures of one edition of the Marché
/// OFF de Noël.
///
/// Rule: `opensOn` is not after `closesOn` when both are given.
///
/// ```swift
/// let e = try MarcheOffEditionReported.view(validating: [
///   "edition": 2022, "exhibitors": 32, "partners": 33, "eventsCount": 130, "revenueEUR": 435000])
/// e.revenueEUR.description  // "435000.00"
/// ```
public enum MarcheOffEditionReported: DomainEvent {
  public static let kind = EventKind.marcheOffEditionReported
  public static let version = 1
  public static let summary = "The figures of one edition of the Marché OFF de Noël."
  public static let summaryFR = "Les chiffres d'une édition du Marché OFF de Noël."
  public static let example =
    "ess append marcheoff.edition-reported edition=2022 exhibitors=32 partners=33 eventsCount=130 revenueEUR=435000 opensOn=2022-11-25 closesOn=2022-12-24 --occurred-on 2022-12-24 --author c.muller --source 'bilan Marché OFF 2022'"

  public enum Field: Int, EventField { case edition, exhibitors, partners, eventsCount, revenueEUR, opensOn, closesOn }
  public static let fields: [FieldSpec] = [
    .required(Field.edition, .year, "The edition's year.", fr: "L'année de l'édition.", labelFR: "édition"),
    .required(Field.exhibitors, .count, "How many exhibitors took part.", fr: "Nombre d'exposants.", labelFR: "exposants"),
    .required(
      Field.partners, .count, "How many partners supported the edition.", fr: "Nombre de partenaires de l'édition.", labelFR: "partenaires"),
    .required(
      Field.eventsCount, .count, "How many events were held during the edition.", fr: "Nombre d'événements pendant l'édition.",
      labelFR: "nombre d'animations"),
    .required(
      Field.revenueEUR, .euros, "The exhibitors' total revenue, in euros.", fr: "Chiffre d'affaires total des exposants, en euros.",
      labelFR: "chiffre d'affaires (€)"),
    .optional(Field.opensOn, .date, "The first day of the market.", fr: "Premier jour du marché.", labelFR: "date d'ouverture"),
    .optional(
      Field.closesOn, .date, "The last day of the market (not before opensOn).", fr: "Dernier jour du marché (pas avant opensOn).",
      labelFR: "date de clôture"),
  ]
  static let keys = JSONKeys(Field.self)

  /// `opensOn ≤ closesOn`.
  public static func checkRules(_ data: JSONObjectView) throws(DomainError) {
    let data = View(data)
    if let opensOn = data.opensOn, let closesOn = data.closesOn, closesOn < opensOn {
      throw .ruleBroken(
        Field.closesOn.name, rule: "opensOn ≤ closesOn", given: .string(closesOn.description),
        message: "Field 'closesOn' must not be before opensOn (\(opensOn)); got \(closesOn).")
    }
  }

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(MarcheOffEditionReported.keys) }
    public var edition: Int64 { m.int64(Field.edition) ?? 0 }
    public var exhibitors: Int64 { m.int64(Field.exhibitors) ?? 0 }
    public var partners: Int64 { m.int64(Field.partners) ?? 0 }
    public var eventsCount: Int64 { m.int64(Field.eventsCount) ?? 0 }
    public var revenueEUR: Euros { m.euros(Field.revenueEUR) ?? .zero }
    public var opensOn: CivilDate? { m.date(Field.opensOn) }
    public var closesOn: CivilDate? { m.date(Field.closesOn) }
  }
}
