import Journal

/// `conseil.plenary-held`: the Conseil de l'ESS meets in plenary session.
///
/// ```swift
/// let e = try ConseilPlenaryHeld.view(validating: [
///   "title": "Séance avec Benoît Hamon, ministre délégué à l'ESS", "participants": 160, "guests": ["Benoît Hamon"]])
/// e.guests  // ["Benoît Hamon"]
/// ```
public enum ConseilPlenaryHeld: DomainEvent {
  public static let kind = EventKind.conseilPlenaryHeld
  public static let version = 1
  public static let summary = "The Conseil de l'ESS meets in plenary session."
  public static let summaryFR = "Le Conseil de l'ESS se réunit en séance plénière."
  public static let example =
    "ess append conseil.plenary-held title=\"Séance avec Benoît Hamon, ministre délégué à l'ESS\" participants=160 guests='Benoît Hamon' --occurred-on 2012-11-08 --author c.muller"

  public enum Field: Int, EventField { case title, participants, guests }
  public static let fields: [FieldSpec] = [
    .required(
      Field.title, .text(maxLength: 200), "The session's title or main subject.", fr: "Titre ou sujet principal de la séance.",
      labelFR: "intitulé"),
    .required(
      Field.participants, .count, "How many people took part (0 if not published).",
      fr: "Nombre de participants (0 s'il n'est pas publié).", labelFR: "participants"),
    .optional(Field.guests, .textList, "Notable guests, by name.", fr: "Invités notables, par leur nom.", labelFR: "invités"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(ConseilPlenaryHeld.keys) }
    public var title: String { m.string(Field.title) ?? "" }
    public var participants: Int64 { m.int64(Field.participants) ?? 0 }
    public var guests: [String]? { m.strings(Field.guests) }
  }
}
