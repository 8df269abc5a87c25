import Journal

/// `marcheoff.edition-reported`: the figures of one edition of the Marché
/// OFF de Noël.
///
/// Rule: `opensOn` is not after `closesOn` when both are given.
///
/// ```swift
/// let e = try MarcheOffEditionReported(validating: [
///   "edition": 2022, "exhibitors": 32, "partners": 33, "eventsCount": 130, "revenueEUR": 435000])
/// e.revenueEUR.description  // "435000.00"
/// ```
public struct MarcheOffEditionReported: DomainEvent {
  public static let type = "marcheoff.edition-reported"
  public static let version = 1
  public static let summary = "The figures of one edition of the Marché OFF de Noël."
  public static let example =
    "ess append marcheoff.edition-reported edition=2022 exhibitors=32 partners=33 eventsCount=130 revenueEUR=435000 opensOn=2022-11-25 closesOn=2022-12-24 --occurred-on 2022-12-24 --author c.muller --source 'bilan Marché OFF 2022'"
  public static let fields: [FieldSpec] = [
    .required("edition", .year, "The edition's year."),
    .required("exhibitors", .count, "How many exhibitors took part."),
    .required("partners", .count, "How many partners supported the edition."),
    .required("eventsCount", .count, "How many events were held during the edition."),
    .required("revenueEUR", .euros, "The exhibitors' total revenue, in euros."),
    .optional("opensOn", .date, "The first day of the market."),
    .optional("closesOn", .date, "The last day of the market (not before opensOn)."),
  ]

  public let edition: Int
  public let exhibitors: Int
  public let partners: Int
  public let eventsCount: Int
  public let revenueEUR: Euros
  public let opensOn: CivilDate?
  public let closesOn: CivilDate?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    edition = r.year("edition")
    exhibitors = r.count("exhibitors")
    partners = r.count("partners")
    eventsCount = r.count("eventsCount")
    revenueEUR = r.euros("revenueEUR")
    opensOn = r.optionalDate("opensOn")
    closesOn = r.optionalDate("closesOn")
    if let opensOn, let closesOn, closesOn < opensOn {
      throw .ruleBroken(
        "closesOn", rule: "opensOn ≤ closesOn", given: .string(closesOn.description),
        message: "Field 'closesOn' must not be before opensOn (\(opensOn)); got \(closesOn).")
    }
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = [
      "edition": .number(JSONNumber(Int64(edition))), "exhibitors": .number(JSONNumber(Int64(exhibitors))),
      "partners": .number(JSONNumber(Int64(partners))), "eventsCount": .number(JSONNumber(Int64(eventsCount))),
      "revenueEUR": revenueEUR.json,
    ]
    if let opensOn { o["opensOn"] = .string(opensOn.description) }
    if let closesOn { o["closesOn"] = .string(closesOn.description) }
    return .object(o)
  }
}
