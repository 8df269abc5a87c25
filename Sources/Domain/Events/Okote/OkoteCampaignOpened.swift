import Journal

/// `okote.campaign-opened`: an Okoté matchfunding campaign opens (once).
///
/// ```swift
/// let e = try OkoteCampaignOpened.view(validating: ["campaignId": "okote-2023-t1", "project": "Épicerie solidaire du Neuhof"])
/// e.targetEUR  // nil
/// ```
public enum OkoteCampaignOpened: DomainEvent {
  public static let kind = EventKind.okoteCampaignOpened
  public static let version = 1
  public static let summary = "An Okoté matchfunding campaign opens for a project."
  public static let summaryFR = "Une campagne de financement participatif Okoté s'ouvre pour un projet."
  public static let example =
    "ess append okote.campaign-opened campaignId=okote-2023-t1 project='Épicerie solidaire du Neuhof' targetEUR=15000 region=Neuhof --occurred-on 2023-01-16 --author a.meyer"

  public enum Field: Int, EventField { case campaignId, project, targetEUR, region }
  public static let fields: [FieldSpec] = [
    .required(
      Field.campaignId, .slug, "The campaign's stable identifier.", fr: "L'identifiant stable de la campagne.",
      labelFR: "identifiant de la campagne"),
    .required(Field.project, .text(maxLength: 200), "The project being funded.", fr: "Le projet financé.", labelFR: "projet"),
    .optional(
      Field.targetEUR, .euros, "The amount the campaign aims to raise.", fr: "Le montant visé par la campagne.", labelFR: "objectif (€)"),
    .optional(
      Field.region, .text(maxLength: 200), "The area or neighbourhood concerned.", fr: "Le territoire ou le quartier concerné.",
      labelFR: "territoire"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(OkoteCampaignOpened.keys) }
    public var campaignId: String { m.string(Field.campaignId) ?? "" }
    public var project: String { m.string(Field.project) ?? "" }
    public var targetEUR: Euros? { m.euros(Field.targetEUR) }
    public var region: String? { m.string(Field.region) }
  }
}
