import Journal

/// The messages of the catalog, built in one place so they read alike.
/// Everything here runs on error paths only.
extension DomainError {
  /// `Field 'books'` or, without a field name, `The value`.
  static func subject(_ field: String?) -> String {
    field.map { "Field '\($0)'" } ?? "The value"
  }

  /// The data is not a JSON object.
  static func notAnObject(_ data: JSONValue) -> DomainError {
    DomainError(
      .wrongType, "The event data must be a JSON object; got \(Given.phrase(data)).",
      field: "data", rule: "a JSON object", given: Given.text(data))
  }

  /// `name` is not among `known`; suggests the closest known name.
  static func unknownField(_ name: String, known: [String]) -> DomainError {
    let shown = Given.shorten(name)
    let message: String
    if let best = Suggestion.closest(to: name, among: known, maxDistance: 2).first {
      message = "Unknown field '\(shown)'; did you mean '\(best)'?"
    } else if known.isEmpty {
      message = "Unknown field '\(shown)'; this event type has no fields."
    } else {
      message = "Unknown field '\(shown)'; the known fields are \(Suggestion.quotedList(known, conjunction: "and"))."
    }
    return DomainError(.unknownField, message, field: name, rule: "a known field", given: Given.raw(name))
  }

  /// A required field is absent, or `null`.
  static func missing(_ spec: FieldSpec, given: JSONValue?) -> DomainError {
    let how = given == nil ? "is missing" : "is null"
    return DomainError(
      .missingField, "Field '\(spec.name)' is required (\(spec.kind.expectation)) but \(how).",
      field: spec.name, rule: "required", given: given.map(Given.text))
  }

  /// The JSON kind of `value` is not the one `kind` needs.
  static func wrongType(_ field: String?, _ kind: FieldKind, _ value: JSONValue, item: Int? = nil) -> DomainError {
    let rule = item == nil ? kind.expectation : kind.itemExpectation
    return DomainError(
      .wrongType, "\(subject(field, item: item)) must be \(rule); got \(Given.phrase(value)).",
      field: field, rule: rule, given: Given.text(value))
  }

  /// `value` has the right JSON kind but breaks the rule of `kind`; `detail` is added in parentheses.
  static func invalid(
    _ field: String?, _ kind: FieldKind, _ value: JSONValue, item: Int? = nil, detail: String? = nil
  ) -> DomainError {
    let rule = item == nil ? kind.expectation : kind.itemExpectation
    let extra = detail.map { " (\($0))" } ?? ""
    return DomainError(
      .invalidValue, "\(subject(field, item: item)) must be \(rule); got \(Given.text(value))\(extra).",
      field: field, rule: rule, given: Given.text(value))
  }

  /// A rule between fields of one event, e.g. `trainingHours ≤ insertionHours`.
  static func ruleBroken(_ field: String, rule: String, given: JSONValue, message: String) -> DomainError {
    DomainError(.ruleBroken, message, field: field, rule: rule, given: Given.text(given))
  }

  /// A schema version the catalog cannot read for `type`.
  static func unsupportedVersion(type: String, version: Int, current: Int) -> DomainError {
    DomainError(
      .unsupportedVersion,
      "Version \(version) of event type '\(type)' is not supported; this catalog reads versions 1 to \(current).",
      field: "version", rule: "a version from 1 to \(current)", given: String(version))
  }

  static func subject(_ field: String?, item: Int?) -> String {
    guard let item else { return subject(field) }
    return field.map { "Item \(item + 1) of field '\($0)'" } ?? "Item \(item + 1)"
  }
}
