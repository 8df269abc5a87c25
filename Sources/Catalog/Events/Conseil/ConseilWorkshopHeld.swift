import Journal

/// `conseil.workshop-held`: the Conseil de l'ESS holds a co-construction workshop.
///
/// ```swift
/// let e = try ConseilWorkshopHeld(validating: ["theme": "Feuille de route économique", "participants": 45])
/// e.participants  // 45
/// ```
public struct ConseilWorkshopHeld: DomainEvent {
  public static let type = "conseil.workshop-held"
  public static let version = 1
  public static let summary = "The Conseil de l'ESS holds a co-construction workshop."
  public static let example =
    "ess append conseil.workshop-held theme=\"Feuille de route économique de l'Eurométropole\" participants=45 --occurred-on 2015-06-25 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("theme", .text(maxLength: 200), "The workshop's theme."),
    .required("participants", .count, "How many people took part (0 if not published)."),
  ]

  public let theme: String
  public let participants: Int

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    theme = r.text("theme")
    participants = r.count("participants")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object(["theme": .string(theme), "participants": .number(JSONNumber(Int64(participants)))])
  }
}
