import Journal

/// `pole.member-left`: a member leaves the Pôle (it may join again later).
///
/// ```swift
/// let e = try PoleMemberLeft(validating: ["memberId": "emmaus-mundo"])
/// e.note  // nil
/// ```
public struct PoleMemberLeft: DomainEvent {
  public static let type = "pole.member-left"
  public static let version = 1
  public static let summary = "A member leaves the Pôle territorial de l'ESS."
  public static let example =
    "ess append pole.member-left memberId=emmaus-mundo note='Fusion avec une autre structure adhérente' --occurred-on 2023-06-30 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("memberId", .slug, "The identifier of a current member."),
    .optional("note", .text(maxLength: 2000), "Why or how the member left."),
  ]

  public let memberId: String
  public let note: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    memberId = r.slug("memberId")
    note = r.optionalText("note")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["memberId": .string(memberId)]
    if let note { o["note"] = .string(note) }
    return .object(o)
  }
}
