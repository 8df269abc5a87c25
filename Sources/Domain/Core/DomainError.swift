/// The one error type of the `Domain` module: why some event data was refused.
///
/// ``message`` is one English sentence for an administrator who is not a
/// programmer: it names the field, the rule and the value given. ``code`` is
/// stable and meant for programs; ``field``, ``rule`` and ``given`` repeat the
/// parts of the message for tools that lay them out themselves. Where the
/// data came from (a line of a file) is the caller's to say.
///
/// ```swift
/// do {
///   _ = try EventCatalog.validate(type: "okote.pledge-made", data: data)
/// } catch {
///   print(error.message)
///   // Field 'amountEUR' must be an amount in euros greater than 0 with at most 2 decimals; got 12.345.
/// }
/// ```
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A stable classification of the refusal.
  public enum Code: String, Sendable, Equatable, CaseIterable {
    /// The event type is not in the catalog.
    case unknownType
    /// The data holds a field its type does not know (usually a typo).
    case unknownField
    /// A required field is absent or `null`.
    case missingField
    /// A field holds the wrong kind of JSON value (a text where a number is expected…).
    case wrongType
    /// A field has the right kind of JSON value but breaks its rule (negative count, unknown choice…).
    case invalidValue
    /// The fields are each valid but break a rule between them (trainingHours > insertionHours…).
    case ruleBroken
    /// The schema version is not one the catalog can read.
    case unsupportedVersion
  }

  /// What kind of refusal this is.
  public var code: Code
  /// One sentence: the field, the rule and the value given.
  public var message: String
  /// The field concerned, e.g. `"amountEUR"` (`"data"` for the whole object, `"type"` for the type).
  public var field: String?
  /// The rule that was broken, e.g. `"an amount in euros ≥ 0 with at most 2 decimals"`.
  public var rule: String?
  /// The value given, shortened, as JSON text (e.g. `12.345`, `"Emmaus"`).
  public var given: String?
  /// The error this one explains further, if any (e.g. the rule a corrected data breaks).
  public var cause: (any Error & Sendable)?

  /// An error of the catalog.
  public init(
    _ code: Code, _ message: String, field: String? = nil, rule: String? = nil, given: String? = nil,
    cause: (any Error & Sendable)? = nil
  ) {
    self.code = code
    self.message = message
    self.field = field
    self.rule = rule
    self.given = given
    self.cause = cause
  }

  /// The message.
  public var description: String { message }

  /// Same code, message, field, rule and value given (causes compared by their text).
  public static func == (a: DomainError, b: DomainError) -> Bool {
    a.code == b.code && a.message == b.message && a.field == b.field && a.rule == b.rule && a.given == b.given
      && a.cause.map { "\($0)" } == b.cause.map { "\($0)" }
  }
}
