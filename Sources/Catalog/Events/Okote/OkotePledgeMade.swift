import Journal

/// `okote.pledge-made`: a contribution to an open Okoté campaign.
///
/// `contributorId` is a pseudonym, never a person's name (an identifier
/// cannot hold spaces or capitals). `amountEUR` is greater than 0. That the
/// campaign is open on the pledge's date (a pledge on the closing day is
/// valid) is checked at append time over the journal.
///
/// ```swift
/// let e = try OkotePledgeMade(validating: [
///   "campaignId": "okote-2023-t1", "contributorKind": "citizen", "contributorId": "hab-0421", "amountEUR": 25])
/// e.contributorKind  // .citizen
/// ```
public struct OkotePledgeMade: DomainEvent {
  public static let type = "okote.pledge-made"
  public static let version = 1
  public static let summary = "A resident, a company or an institution pledges money to an open Okoté campaign."
  public static let example =
    "ess append okote.pledge-made campaignId=okote-2023-t1 contributorKind=citizen contributorId=hab-0421 amountEUR=25 --occurred-on 2023-02-03 --author a.meyer --source 'tableau Okoté T1'"
  public static let fields: [FieldSpec] = [
    .required("campaignId", .slug, "The open campaign pledged to."),
    .required("contributorKind", .choice(ContributorKind.allCases.map(\.rawValue)), "Who pledges: a resident, a company or a public body."),
    .required("contributorId", .slug, "A pseudonym of the contributor, never a person's name."),
    .required("amountEUR", .positiveEuros, "The amount pledged, in euros."),
  ]

  public let campaignId: String
  public let contributorKind: ContributorKind
  public let contributorId: String
  public let amountEUR: Euros

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    campaignId = r.slug("campaignId")
    contributorKind = r.choice("contributorKind")
    contributorId = r.slug("contributorId")
    amountEUR = r.euros("amountEUR")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object([
      "campaignId": .string(campaignId), "contributorKind": .string(contributorKind.rawValue),
      "contributorId": .string(contributorId), "amountEUR": amountEUR.json,
    ])
  }
}
