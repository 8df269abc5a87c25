import Journal

/// `pole.general-assembly-held`: the Pôle holds a general assembly.
///
/// ```swift
/// let e = try PoleGeneralAssemblyHeld.view(validating: ["attendees": 30])
/// e.attendees  // 30
/// ```
public enum PoleGeneralAssemblyHeld: DomainEvent {
  public static let kind = EventKind.poleGeneralAssemblyHeld
  public static let version = 1
  public static let summary = "The Pôle territorial de l'ESS holds a general assembly."
  public static let summaryFR = "Le Pôle territorial de l'ESS tient une assemblée générale."
  public static let example =
    "ess append pole.general-assembly-held attendees=30 title='Assemblée générale constitutive du Pôle ESS' --occurred-on 2021-11-09 --author c.muller"

  public enum Field: Int, EventField { case attendees, title }
  public static let fields: [FieldSpec] = [
    .required(Field.attendees, .count, "How many members attended.", fr: "Nombre de membres présents.", labelFR: "présents"),
    .optional(
      Field.title, .text(maxLength: 200), "The assembly's title or agenda.", fr: "Titre ou ordre du jour de l'assemblée.",
      labelFR: "intitulé"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(PoleGeneralAssemblyHeld.keys) }
    public var attendees: Int64 { m.int64(Field.attendees) ?? 0 }
    public var title: String? { m.string(Field.title) }
  }
}
