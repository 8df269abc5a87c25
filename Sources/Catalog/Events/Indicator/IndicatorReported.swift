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
/// let e = try IndicatorReported.decode(old, version: 1)
/// e.unit  // "persons"
/// ```
public struct IndicatorReported: DomainEvent {
  public static let type = "indicator.reported"
  public static let version = 2
  public static let summary = "A figure reported by a partner: an indicator's value, its unit and scope."
  public static let example =
    "ess append indicator.reported indicator=manifestation.attendees value=1200 unit=persons scope=\"L'économie sociale, le futur de l'Europe\" --occurred-on 2022-05-01 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("indicator", .slug, "The indicator's identifier, e.g. manifestation.attendees."),
    .required("value", .number, "The value reported."),
    .required(
      "unit", .text(maxLength: maxUnitLength),
      "The unit: persons, hours, EUR or percent when it is one of these, else free text."),
    .optional("scope", .text(maxLength: 200), "What the figure covers (an event, a site, a programme…)."),
  ]

  /// The longest unit, in characters.
  public static let maxUnitLength = 40

  public let indicator: String
  public let value: JSONNumber
  public let unit: String
  public let scope: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    indicator = r.slug("indicator")
    value = r.number("value")
    unit = r.text("unit")
    scope = r.optionalText("scope")
    if let standard = IndicatorUnit.standard(for: unit), standard != unit {
      throw CatalogError(
        .invalidValue, "Field 'unit' must be written '\(standard)', the standard name of this unit; got \(Given.raw(unit)).",
        field: "unit", rule: "a standard unit name (\(IndicatorUnit.standardUnits.joined(separator: ", "))) when one applies",
        given: Given.raw(unit))
    }
  }

  /// Version 1 → 2: `unit` becomes its standard name when it has one.
  public static func upcast(_ data: JSONValue, fromVersion: Int) throws(CatalogError) -> JSONValue {
    guard fromVersion == 1 else {
      throw .unsupportedVersion(type: type, version: fromVersion, current: version)
    }
    guard case .object(var members) = data, case .string(let unit)? = members["unit"],
      let standard = IndicatorUnit.standard(for: unit)
    else { return data }
    members["unit"] = .string(standard)
    return .object(members)
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["indicator": .string(indicator), "value": .number(value), "unit": .string(unit)]
    if let scope { o["scope"] = .string(scope) }
    return .object(o)
  }
}
