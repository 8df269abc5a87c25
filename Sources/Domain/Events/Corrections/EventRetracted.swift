import Journal

/// `event.retracted`: from this event's `recordedAt` on, the target counts
/// as if it never happened. The envelope `reason` is required.
///
/// ```swift
/// let e = try EventRetracted.view(validating: ["target": 57])
/// e.target  // 57
/// ```
public enum EventRetracted: DomainEvent {
  public static let kind = EventKind.eventRetracted
  public static let version = 1
  public static let summary = "Withdraws an earlier domain event, as if it never happened."
  public static let summaryFR = "Retire un événement antérieur, comme s'il n'avait jamais eu lieu."
  public static let example = "ess retract 57 --author c.muller --reason 'Saisi deux fois'"

  public enum Field: Int, EventField { case target }
  public static let fields: [FieldSpec] = [
    .required(
      Field.target, .seq, "The seq of the domain event retracted.", fr: "Le seq de l'événement retiré.", labelFR: "événement retiré (seq)")
  ]
  static let keys = JSONKeys(Field.self)

  /// The data of a retraction being made.
  public static func data(target: UInt64) -> JSONValue {
    .object([Field.target.name: .number(JSONNumber(Int64(target)))])
  }

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(EventRetracted.keys) }
    public var target: UInt64? { m.int64(Field.target).flatMap { $0 >= 1 ? UInt64($0) : nil } }
  }
}
