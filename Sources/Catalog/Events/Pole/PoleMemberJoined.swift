import Journal

/// `pole.member-joined`: a structure joins the Pôle territorial de l'ESS.
///
/// A member's joins and leaves, ordered by valid time, must alternate
/// starting with a join (checked at append time over the journal, not here).
///
/// ```swift
/// let e = try PoleMemberJoined(validating: [
///   "memberId": "emmaus-mundo", "name": "Emmaüs Mundo", "legalForm": "association", "city": "Strasbourg"])
/// e.legalForm  // .association
/// ```
public struct PoleMemberJoined: DomainEvent {
  public static let type = "pole.member-joined"
  public static let version = 1
  public static let summary = "A structure joins the Pôle territorial de l'ESS as a member."
  public static let example =
    "ess append pole.member-joined memberId=emmaus-mundo name='Emmaüs Mundo' legalForm=association city=Strasbourg --occurred-on 2021-11-09 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("memberId", .slug, "The member's stable identifier, chosen by the admins."),
    .required("name", .text(maxLength: 200), "The structure's name."),
    .required("legalForm", .choice(LegalForm.allCases.map(\.rawValue)), "The structure's legal form."),
    .optional("city", .text(maxLength: 200), "The city where the structure is established."),
  ]

  public let memberId: String
  public let name: String
  public let legalForm: LegalForm
  public let city: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    memberId = r.slug("memberId")
    name = r.text("name")
    legalForm = r.choice("legalForm")
    city = r.optionalText("city")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["memberId": .string(memberId), "name": .string(name), "legalForm": .string(legalForm.rawValue)]
    if let city { o["city"] = .string(city) }
    return .object(o)
  }
}
