import Journal

/// `procurement.tender-unsuccessful`: a call for tenders ends without an award.
///
/// ```swift
/// let e = try ProcurementTenderUnsuccessful(validating: ["tenderId": "vds-2023-0031", "title": "Restauration scolaire bio, lot 2"])
/// e.tenderId  // "vds-2023-0031"
/// ```
public struct ProcurementTenderUnsuccessful: DomainEvent {
  public static let type = "procurement.tender-unsuccessful"
  public static let version = 1
  public static let summary = "A call for tenders ends without an award (no bid, or no acceptable bid)."
  public static let example =
    "ess append procurement.tender-unsuccessful tenderId=vds-2023-0031 title='Restauration scolaire bio, lot 2' --occurred-on 2023-02-10 --author l.weber"
  public static let fields: [FieldSpec] = [
    .required("tenderId", .slug, "The tender's stable identifier."),
    .required("title", .text(maxLength: 200), "What the tender was for."),
  ]

  public let tenderId: String
  public let title: String

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    tenderId = r.slug("tenderId")
    title = r.text("title")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object(["tenderId": .string(tenderId), "title": .string(title)])
  }
}
