import Journal

/// `pole.general-assembly-held`: the Pôle holds a general assembly.
///
/// ```swift
/// let e = try PoleGeneralAssemblyHeld(validating: ["attendees": 30])
/// e.attendees  // 30
/// ```
public struct PoleGeneralAssemblyHeld: DomainEvent {
  public static let type = "pole.general-assembly-held"
  public static let version = 1
  public static let summary = "The Pôle territorial de l'ESS holds a general assembly."
  public static let example =
    "ess append pole.general-assembly-held attendees=30 title='Assemblée générale constitutive du Pôle ESS' --occurred-on 2021-11-09 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("attendees", .count, "How many members attended."),
    .optional("title", .text(maxLength: 200), "The assembly's title or agenda."),
  ]

  public let attendees: Int
  public let title: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    attendees = r.count("attendees")
    title = r.optionalText("title")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["attendees": .number(JSONNumber(Int64(attendees)))]
    if let title { o["title"] = .string(title) }
    return .object(o)
  }
}
