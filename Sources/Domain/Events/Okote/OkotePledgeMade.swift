import Journal

/// `okote.pledge-made`: a contribution to an open Okoté campaign.
///
/// `contributorId` is a pseudonym, never a person's name (an identifier
/// cannot hold spaces or capitals). `amountEUR` is greater than 0. That the
/// campaign is open on the pledge's date (a pledge on the closing day is
/// valid) is checked at append time over the journal.
///
/// ```swift
/// let e = try OkotePledgeMade.view(validating: [
///   "campaignId": "okote-2023-t1", "contributorKind": "citizen", "contributorId": "hab-0421", "amountEUR": 25])
/// e.contributorKind  // .citizen
/// ```
public enum OkotePledgeMade: DomainEvent {
  public static let kind = EventKind.okotePledgeMade
  public static let version = 1
  public static let summary = "A resident, a company or an institution pledges money to an open Okoté campaign."
  public static let summaryFR = "Un habitant, une entreprise ou une institution promet un don à une campagne Okoté ouverte."
  public static let example =
    "ess append okote.pledge-made campaignId=okote-2023-t1 contributorKind=citizen contributorId=hab-0421 amountEUR=25 --occurred-on 2023-02-03 --author a.meyer --source 'tableau Okoté T1'"

  public enum Field: Int, EventField { case campaignId, contributorKind, contributorId, amountEUR }
  public static let fields: [FieldSpec] = [
    .required(
      Field.campaignId, .slug, "The open campaign pledged to.", fr: "La campagne ouverte soutenue.", labelFR: "identifiant de la campagne"),
    .required(
      Field.contributorKind, .choice(ContributorKind.allCases.map(\.rawValue)), "Who pledges: a resident, a company or a public body.",
      fr: "Qui contribue : un habitant, une entreprise ou une institution.", labelFR: "type de contributeur"),
    .required(
      Field.contributorId, .slug, "A pseudonym of the contributor, never a person's name.",
      fr: "Un pseudonyme du contributeur, jamais le nom d'une personne.", labelFR: "identifiant du contributeur"),
    .required(Field.amountEUR, .positiveEuros, "The amount pledged, in euros.", fr: "Le montant promis, en euros.", labelFR: "montant (€)"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(OkotePledgeMade.keys) }
    public var campaignId: String { m.string(Field.campaignId) ?? "" }
    public var contributorKind: ContributorKind { m.choice(Field.contributorKind) ?? .public }
    public var contributorId: String { m.string(Field.contributorId) ?? "" }
    public var amountEUR: Euros { m.euros(Field.amountEUR) ?? .zero }
  }
}
