import Journal

/// `milestone.reached`: a notable step (a label, an award, a deliberation,
/// a founding, an event…).
///
/// ```swift
/// let e = try MilestoneReached(validating: ["title": "Installation du Conseil de l'ESS", "kind": "founding"])
/// e.kind  // .founding
/// ```
public struct MilestoneReached: DomainEvent {
  public static let type = "milestone.reached"
  public static let version = 1
  public static let summary = "A notable step: a label, an award, a deliberation, a founding, an event."
  public static let example =
    "ess append milestone.reached title='Ouverture de KaléidosCOOP' kind=event --occurred-on 2023-01-01 --author c.muller --source 'bilan du Conseil de l’ESS 2010-2023'"
  public static let fields: [FieldSpec] = [
    .required("title", .text(maxLength: 200), "What was reached."),
    .required("kind", .choice(MilestoneKind.allCases.map(\.rawValue)), "The kind of milestone."),
  ]

  public let title: String
  public let kind: MilestoneKind

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    title = r.text("title")
    kind = r.choice("kind")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object(["title": .string(title), "kind": .string(kind.rawValue)])
  }
}
