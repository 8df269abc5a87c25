import Journal

/// `event.retracted`: from this event's `recordedAt` on, the target counts
/// as if it never happened. The envelope `reason` is required.
///
/// ```swift
/// let e = try EventRetracted(validating: ["target": 57])
/// e.target  // 57
/// ```
public struct EventRetracted: DomainEvent {
  public static let type = "event.retracted"
  public static let version = 1
  public static let summary = "Withdraws an earlier domain event, as if it never happened."
  public static let example = "ess retract 57 --author c.muller --reason 'Saisi deux fois'"
  public static let fields: [FieldSpec] = [
    .required("target", .seq, "The seq of the domain event retracted.")
  ]

  public let target: UInt64

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    target = r.seq("target")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object(["target": .number(JSONNumber(Int64(target)))])
  }
}
