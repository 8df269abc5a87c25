import Journal

/// `conseil.plenary-held`: the Conseil de l'ESS meets in plenary session.
///
/// ```swift
/// let e = try ConseilPlenaryHeld(validating: [
///   "title": "Séance avec Benoît Hamon, ministre délégué à l'ESS", "participants": 160, "guests": ["Benoît Hamon"]])
/// e.guests  // ["Benoît Hamon"]
/// ```
public struct ConseilPlenaryHeld: DomainEvent {
  public static let type = "conseil.plenary-held"
  public static let version = 1
  public static let summary = "The Conseil de l'ESS meets in plenary session."
  public static let example =
    "ess append conseil.plenary-held title=\"Séance avec Benoît Hamon, ministre délégué à l'ESS\" participants=160 guests='Benoît Hamon' --occurred-on 2012-11-08 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("title", .text(maxLength: 200), "The session's title or main subject."),
    .required("participants", .count, "How many people took part (0 if not published)."),
    .optional("guests", .textList, "Notable guests, by name."),
  ]

  public let title: String
  public let participants: Int
  public let guests: [String]?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    title = r.text("title")
    participants = r.count("participants")
    guests = r.optionalTexts("guests")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["title": .string(title), "participants": .number(JSONNumber(Int64(participants)))]
    if let guests { o["guests"] = .array(guests.map(JSONValue.string)) }
    return .object(o)
  }
}
