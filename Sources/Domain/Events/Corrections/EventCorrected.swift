import Journal

/// `event.corrected`: from this event's `recordedAt` on, the target counts
/// with new data (and a new valid time if `occurredOn` is given).
///
/// `data` is checked here only as an object: it is the full replacement
/// data, checked against the target's type by ``CorrectionRules`` (only the
/// journal knows the target). The envelope `reason` is required.
///
/// ```swift
/// let e = try EventCorrected.view(validating: ["target": 42, "data": ["books": 4312]])
/// e.target  // 42
/// ```
public enum EventCorrected: DomainEvent {
  public static let kind = EventKind.eventCorrected
  public static let version = 1
  public static let summary = "Replaces the data (and optionally the valid time) of an earlier domain event."
  public static let summaryFR = "Remplace les données (et éventuellement la date) d'un événement antérieur."
  public static let example =
    "ess correct 42 books=4312 site='Médiathèque Malraux' --author c.muller --reason 'Recomptage du 15 janvier'"

  public enum Field: Int, EventField { case target, data, occurredOn }
  public static let fields: [FieldSpec] = [
    .required(
      Field.target, .seq, "The seq of the domain event corrected.", fr: "Le seq de l'événement corrigé.", labelFR: "événement corrigé (seq)"
    ),
    .required(
      Field.data, .object, "The full replacement data, valid for the target's type.",
      fr: "Les données de remplacement complètes, valides pour le type de l'événement corrigé.", labelFR: "nouvelles données"),
    .optional(
      Field.occurredOn, .validTime, "The target's new valid time, if it changes.",
      fr: "La nouvelle date de l'événement corrigé, si elle change.", labelFR: "nouvelle date"),
  ]
  static let keys = JSONKeys(Field.self)

  /// The data of a correction being made: `target`, the replacement, and the new valid time if any.
  public static func data(target: UInt64, replacement: JSONValue, occurredOn: String?) -> JSONValue {
    var body: [String: JSONValue] = [Field.target.name: .number(JSONNumber(Int64(target))), Field.data.name: replacement]
    if let occurredOn { body[Field.occurredOn.name] = .string(occurredOn) }
    return .object(body)
  }

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(EventCorrected.keys) }
    public var target: UInt64? { m.int64(Field.target).flatMap { $0 >= 1 ? UInt64($0) : nil } }
    /// The replacement data, as canonical bytes.
    public var replacement: JSONObjectView? { m.object(Field.data) }
    /// The new valid time, `YYYY-MM-DD` or an RFC 3339 date-time with offset.
    public var occurredOn: String? { m.string(Field.occurredOn) }
  }
}
