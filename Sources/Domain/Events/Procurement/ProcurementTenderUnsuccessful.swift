import Journal

/// `procurement.tender-unsuccessful`: a call for tenders ends without an award.
///
/// ```swift
/// let e = try ProcurementTenderUnsuccessful.view(validating: ["tenderId": "vds-2023-0031", "title": "Restauration scolaire bio, lot 2"])
/// e.tenderId  // "vds-2023-0031"
/// ```
public enum ProcurementTenderUnsuccessful: DomainEvent {
  public static let kind = EventKind.procurementTenderUnsuccessful
  public static let version = 1
  public static let summary = "A call for tenders ends without an award (no bid, or no acceptable bid)."
  public static let summaryFR = "Un appel d'offres se termine sans attribution (aucune offre, ou aucune offre acceptable)."
  public static let example =
    "ess append procurement.tender-unsuccessful tenderId=vds-2023-0031 title='Restauration scolaire bio, lot 2' --occurred-on 2023-02-10 --author l.weber"

  public enum Field: Int, EventField { case tenderId, title }
  public static let fields: [FieldSpec] = [
    .required(
      Field.tenderId, .slug, "The tender's stable identifier.", fr: "L'identifiant stable de l'appel d'offres.",
      labelFR: "identifiant de la consultation"),
    .required(Field.title, .text(maxLength: 200), "What the tender was for.", fr: "L'objet de l'appel d'offres.", labelFR: "objet"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(ProcurementTenderUnsuccessful.keys) }
    public var tenderId: String { m.string(Field.tenderId) ?? "" }
    public var title: String { m.string(Field.title) ?? "" }
  }
}
