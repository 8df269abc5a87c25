import Journal

/// `event.corrected`: from this event's `recordedAt` on, the target counts
/// with new data (and a new valid time if `occurredOn` is given).
///
/// `data` is kept as given here: it is the full replacement data, checked
/// by the caller against the target's type (which only the journal knows).
/// The envelope `reason` is required.
///
/// ```swift
/// let e = try EventCorrected(validating: ["target": 42, "data": ["books": 4312]])
/// e.target  // 42
/// ```
public struct EventCorrected: DomainEvent {
  public static let type = "event.corrected"
  public static let version = 1
  public static let summary = "Replaces the data (and optionally the valid time) of an earlier domain event."
  public static let example =
    "ess correct 42 books=4312 site='Médiathèque Malraux' --author c.muller --reason 'Recomptage du 15 janvier'"
  public static let fields: [FieldSpec] = [
    .required("target", .seq, "The seq of the domain event corrected."),
    .required("data", .object, "The full replacement data, valid for the target's type."),
    .optional("occurredOn", .validTime, "The target's new valid time, if it changes."),
  ]

  public let target: UInt64
  /// The replacement data, not yet checked against the target's type.
  public let replacement: JSONValue
  /// The new valid time, `YYYY-MM-DD` or an RFC 3339 date-time with offset.
  public let occurredOn: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    target = r.seq("target")
    replacement = r.object("data")
    occurredOn = r.optionalValidTime("occurredOn")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["target": .number(JSONNumber(Int64(target))), "data": replacement]
    if let occurredOn { o["occurredOn"] = .string(occurredOn) }
    return .object(o)
  }
}
