/// What a field of event data may hold, and the rule it must obey.
///
/// Checked without regex or string formatting on the success path. Parse a
/// command-line value with ``parse(_:)``; describe the kind with ``label``.
///
/// ```swift
/// FieldKind.count.label            // "count (integer ≥ 0)"
/// try FieldKind.euros.parse("426,50")  // 426.5
/// ```
public enum FieldKind: Sendable, Equatable {
  /// A text that is not blank, has no control characters (tab and line
  /// breaks allowed) and at most `maxLength` characters.
  case text(maxLength: Int)
  /// An identifier: `[a-z0-9][a-z0-9._-]{0,63}`.
  case slug
  /// A list of identifiers; with `nonEmpty`, at least one. No repeats.
  case slugList(nonEmpty: Bool)
  /// A list of texts, each as ``text(maxLength:)`` with 200 characters.
  case textList
  /// A JSON integer ≥ 0.
  case count
  /// A JSON integer > 0.
  case positiveCount
  /// Euros ≥ 0 with at most 2 decimals (see ``Euros``).
  case euros
  /// Euros > 0 with at most 2 decimals.
  case positiveEuros
  /// JSON `true` or `false`.
  case boolean
  /// A date `YYYY-MM-DD` that exists.
  case date
  /// An integer year, 1900…2100.
  case year
  /// Any JSON number.
  case number
  /// The `seq` of an event: an integer ≥ 1.
  case seq
  /// One of the given strings.
  case choice([String])
  /// Any JSON object (the replacement data of a correction).
  case object
  /// A valid time: `YYYY-MM-DD`, or an RFC 3339 date-time with its offset.
  case validTime
  /// A French organisation identifier, a text (SIREN, SIRET or RNA; see ``CompanyID``).
  /// The catalog refuses a malformed one; a checksum failure is refused where an
  /// admin types the value (``EventCatalog/checksumProblems(type:data:)``).
  case companyID(CompanyID.Scheme)
  /// A list of `{"scheme": …, "id": …}` objects (DECP's `typeIdentifiant` and `id`);
  /// SIREN, SIRET and RNA ids are checked as ``companyID(_:)``.
  case companyIDList

  /// The longest item of a ``textList``, in characters.
  public static let textListItemMaxLength = 200
}
