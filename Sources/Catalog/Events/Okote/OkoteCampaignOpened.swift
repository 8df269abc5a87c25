import Journal

/// `okote.campaign-opened`: an Okoté matchfunding campaign opens (once).
///
/// ```swift
/// let e = try OkoteCampaignOpened(validating: ["campaignId": "okote-2023-t1", "project": "Épicerie solidaire du Neuhof"])
/// e.targetEUR  // nil
/// ```
public struct OkoteCampaignOpened: DomainEvent {
  public static let type = "okote.campaign-opened"
  public static let version = 1
  public static let summary = "An Okoté matchfunding campaign opens for a project."
  public static let example =
    "ess append okote.campaign-opened campaignId=okote-2023-t1 project='Épicerie solidaire du Neuhof' targetEUR=15000 region=Neuhof --occurred-on 2023-01-16 --author a.meyer"
  public static let fields: [FieldSpec] = [
    .required("campaignId", .slug, "The campaign's stable identifier."),
    .required("project", .text(maxLength: 200), "The project being funded."),
    .optional("targetEUR", .euros, "The amount the campaign aims to raise."),
    .optional("region", .text(maxLength: 200), "The area or neighbourhood concerned."),
  ]

  public let campaignId: String
  public let project: String
  public let targetEUR: Euros?
  public let region: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    campaignId = r.slug("campaignId")
    project = r.text("project")
    targetEUR = r.optionalEuros("targetEUR")
    region = r.optionalText("region")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["campaignId": .string(campaignId), "project": .string(project)]
    if let targetEUR { o["targetEUR"] = targetEUR.json }
    if let region { o["region"] = .string(region) }
    return .object(o)
  }
}
