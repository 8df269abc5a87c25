import Journal

/// `milestone.reached`: a notable step (a label, an award, a deliberation,
/// a founding, an event…).
///
/// ```swift
/// let e = try MilestoneReached.view(validating: ["title": "Installation du Conseil de l'ESS", "kind": "founding"])
/// e.kind  // .founding
/// ```
public enum MilestoneReached: DomainEvent {
  public static let kind = EventKind.milestoneReached
  public static let version = 1
  public static let summary = "A notable step: a label, an award, a deliberation, a founding, an event."
  public static let summaryFR = "Une étape marquante : un label, un prix, une délibération, une fondation, un événement."
  public static let example =
    "ess append milestone.reached title='Ouverture de KaléidosCOOP' kind=event --occurred-on 2023-01-01 --author c.muller --source 'bilan du Conseil de l’ESS 2010-2023'"

  public enum Field: Int, EventField { case title, kind }
  public static let fields: [FieldSpec] = [
    .required(Field.title, .text(maxLength: 200), "What was reached.", fr: "Ce qui a été atteint.", labelFR: "intitulé"),
    .required(
      Field.kind, .choice(MilestoneKind.allCases.map(\.rawValue)), "The kind of milestone.", fr: "La nature du jalon.",
      labelFR: "type d'étape"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(MilestoneReached.keys) }
    public var title: String { m.string(Field.title) ?? "" }
    public var kind: MilestoneKind { m.choice(Field.kind) ?? .other }
  }
}
