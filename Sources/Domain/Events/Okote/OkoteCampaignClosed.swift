import Journal

/// `okote.campaign-closed`: an Okoté campaign closes (once), funded or not.
///
/// ```swift
/// let e = try OkoteCampaignClosed.view(validating: ["campaignId": "okote-2023-t1", "outcome": "funded"])
/// e.outcome  // .funded
/// ```
public enum OkoteCampaignClosed: DomainEvent {
  public static let kind = EventKind.okoteCampaignClosed
  public static let version = 1
  public static let summary = "An Okoté campaign closes, funded or not."
  public static let summaryFR = "Une campagne Okoté se clôt, financée ou non."
  public static let example =
    "ess append okote.campaign-closed campaignId=okote-2023-t1 outcome=funded --occurred-on 2023-03-31 --author a.meyer"

  public enum Field: Int, EventField { case campaignId, outcome }
  public static let fields: [FieldSpec] = [
    .required(Field.campaignId, .slug, "The campaign that closes.", fr: "La campagne qui se clôt.", labelFR: "identifiant de la campagne"),
    .required(
      Field.outcome, .choice(Outcome.allCases.map(\.rawValue)), "Whether the campaign reached its funding.",
      fr: "Si la campagne a atteint son financement.", labelFR: "résultat"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(OkoteCampaignClosed.keys) }
    public var campaignId: String { m.string(Field.campaignId) ?? "" }
    public var outcome: Outcome { m.choice(Field.outcome) ?? .notFunded }
  }
}
