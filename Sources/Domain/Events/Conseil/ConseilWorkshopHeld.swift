import Journal

/// `conseil.workshop-held`: the Conseil de l'ESS holds a co-construction workshop.
///
/// ```swift
/// let e = try ConseilWorkshopHeld.view(validating: ["theme": "Feuille de route économique", "participants": 45])
/// e.participants  // 45
/// ```
public enum ConseilWorkshopHeld: DomainEvent {
  public static let kind = EventKind.conseilWorkshopHeld
  public static let version = 1
  public static let summary = "The Conseil de l'ESS holds a co-construction workshop."
  public static let summaryFR = "Le Conseil de l'ESS tient un atelier de co-construction."
  public static let example =
    "ess append conseil.workshop-held theme=\"Feuille de route économique de l'Eurométropole\" participants=45 --occurred-on 2015-06-25 --author c.muller"

  public enum Field: Int, EventField { case theme, participants }
  public static let fields: [FieldSpec] = [
    .required(Field.theme, .text(maxLength: 200), "The workshop's theme.", fr: "Thème de l'atelier.", labelFR: "thème"),
    .required(
      Field.participants, .count, "How many people took part (0 if not published).",
      fr: "Nombre de participants (0 s'il n'est pas publié).", labelFR: "participants"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(ConseilWorkshopHeld.keys) }
    public var theme: String { m.string(Field.theme) ?? "" }
    public var participants: Int64 { m.int64(Field.participants) ?? 0 }
  }
}
