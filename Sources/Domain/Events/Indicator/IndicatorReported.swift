import Journal

/// `indicator.reported`: a figure reported by a partner (attendance,
/// hours, amounts, shares…), e.g. `manifestation.attendees` = 1200 persons.
///
/// ## Schema versions
///
/// - **Version 1** (EVENTS.md §3): `unit` is free text, so the same unit
///   was written many ways (`"heures"`, `"h"`, `"hours"`; `"€"`, `"euros"`…).
/// - **Version 2** (current, written by appends): units with a standard
///   name must use it — `hours`, `persons`, `EUR`, `percent` (see
///   ``IndicatorUnit``); `"heures"` is refused with the standard name
///   suggested. Other units are free text as before.
///
/// ``upcast(_:fromVersion:)`` rewrites a version-1 `unit` to its standard
/// name (unknown units are kept), so events stored with version 1 read as
/// version 2:
///
/// ```swift
/// let old: JSONValue = ["indicator": "manifestation.attendees", "value": 1200, "unit": "personnes"]
/// try IndicatorReported.view(validating: old, version: 1).unit  // "persons"
/// ```
public enum IndicatorReported: DomainEvent {
  public static let kind = EventKind.indicatorReported
  public static let version = 2
  public static let summary = "A figure reported by a partner: an indicator's value, its unit and scope."
  public static let summaryFR = "Un chiffre déclaré par un partenaire : la valeur d'un indicateur, son unité et son périmètre."
  public static let example =
    "ess append indicator.reported indicator=manifestation.attendees value=1200 unit=persons scope=\"L'économie sociale, le futur de l'Europe\" --occurred-on 2022-05-01 --author c.muller"

  public enum Field: Int, EventField { case indicator, value, unit, scope }
  public static let fields: [FieldSpec] = [
    .required(
      Field.indicator, .slug, "The indicator's identifier, e.g. manifestation.attendees.",
      fr: "L'identifiant de l'indicateur, par exemple manifestation.attendees.", labelFR: "indicateur"),
    .required(Field.value, .number, "The value reported.", fr: "La valeur déclarée.", labelFR: "valeur"),
    .required(
      Field.unit, .text(maxLength: maxUnitLength),
      "The unit: persons, hours, EUR or percent when it is one of these, else free text.",
      fr: "L'unité : persons, hours, EUR ou percent quand c'est l'une d'elles, sinon en texte libre.", labelFR: "unité"),
    .optional(
      Field.scope, .text(maxLength: 200), "What the figure covers (an event, a site, a programme…).",
      fr: "Ce que couvre le chiffre (une manifestation, un site, un programme…).", labelFR: "périmètre"),
  ]
  static let keys = JSONKeys(Field.self)

  /// The longest unit, in characters.
  public static let maxUnitLength = 40

  /// A unit with a standard name must be written with it (version 2).
  public static func checkRules(_ data: JSONObjectView) throws(DomainError) {
    let unit = View(data).unit
    if let standard = IndicatorUnit.standard(for: unit), standard != unit {
      throw DomainError(
        .invalidValue, "Field 'unit' must be written '\(standard)', the standard name of this unit; got \(Given.raw(unit)).",
        field: Field.unit.name, rule: "a standard unit name (\(IndicatorUnit.standardUnits.joined(separator: ", "))) when one applies",
        given: Given.raw(unit))
    }
  }

  /// Version 1 → 2: `unit` becomes its standard name when it has one.
  public static func upcast(_ data: JSONValue, fromVersion: Int) throws(DomainError) -> JSONValue {
    guard fromVersion == 1 else {
      throw .unsupportedVersion(type: type, version: fromVersion, current: version)
    }
    guard case .object(var members) = data, case .string(let unit)? = members[Field.unit.name],
      let standard = IndicatorUnit.standard(for: unit)
    else { return data }
    members[Field.unit.name] = .string(standard)
    return .object(members)
  }

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(IndicatorReported.keys) }
    public var indicator: String { m.string(Field.indicator) ?? "" }
    /// The value, exact.
    public var value: JSONNumber? { m.number(Field.value) }
    public var unit: String { m.string(Field.unit) ?? "" }
    public var scope: String? { m.string(Field.scope) }
  }
}
