import Journal

/// `okote.campaign-closed`: an Okoté campaign closes (once), funded or not.
///
/// ```swift
/// let e = try OkoteCampaignClosed(validating: ["campaignId": "okote-2023-t1", "outcome": "funded"])
/// e.outcome  // .funded
/// ```
public struct OkoteCampaignClosed: DomainEvent {
  public static let type = "okote.campaign-closed"
  public static let version = 1
  public static let summary = "An Okoté campaign closes, funded or not."
  public static let example =
    "ess append okote.campaign-closed campaignId=okote-2023-t1 outcome=funded --occurred-on 2023-03-31 --author a.meyer"
  public static let fields: [FieldSpec] = [
    .required("campaignId", .slug, "The campaign that closes."),
    .required("outcome", .choice(Outcome.allCases.map(\.rawValue)), "Whether the campaign reached its funding."),
  ]

  public let campaignId: String
  public let outcome: Outcome

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    campaignId = r.slug("campaignId")
    outcome = r.choice("outcome")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object(["campaignId": .string(campaignId), "outcome": .string(outcome.rawValue)])
  }
}
