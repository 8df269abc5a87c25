import Journal

/// `pole.member-left`: a member leaves the Pôle (it may join again later).
///
/// ```swift
/// let e = try PoleMemberLeft.view(validating: ["memberId": "emmaus-mundo"])
/// e.note  // nil
/// ```
public enum PoleMemberLeft: DomainEvent {
  public static let kind = EventKind.poleMemberLeft
  public static let version = 1
  public static let summary = "A member leaves the Pôle territorial de l'ESS."
  public static let summaryFR = "Un membre quitte le Pôle territorial de l'ESS."
  public static let example =
    "ess append pole.member-left memberId=emmaus-mundo note='Fusion avec une autre structure adhérente' --occurred-on 2023-06-30 --author c.muller"

  public enum Field: Int, EventField { case memberId, note }
  public static let fields: [FieldSpec] = [
    .required(
      Field.memberId, .slug, "The identifier of a current member.", fr: "L'identifiant d'un membre actuel.",
      labelFR: "identifiant du membre"),
    .optional(
      Field.note, .text(maxLength: 2000), "Why or how the member left.", fr: "Pourquoi ou comment le membre est parti.", labelFR: "remarque"
    ),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(PoleMemberLeft.keys) }
    public var memberId: String { m.string(Field.memberId) ?? "" }
    public var note: String? { m.string(Field.note) }
  }
}
