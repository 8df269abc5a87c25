import Journal

/// One field of an event type's data: its name, kind, whether it is
/// required, a one-line help for `ess types`, and the short French column
/// label a spreadsheet shows for it (CSV templates and imports).
///
/// ```swift
/// let books = FieldSpec.required(BooksDonationCounted.Field.books, .positiveCount, "Books counted since the last count.", labelFR: "livres")
/// try books.parse("4265")  // 4265
/// ```
public struct FieldSpec: Sendable, Equatable {
  /// The JSON member name, e.g. `"amountEUR"`.
  public var name: String {
    didSet { nameKey = NameKey(name) }
  }
  /// `name` packed for comparison with bytes.
  package private(set) var nameKey: NameKey
  /// What the field holds and its rule.
  public var kind: FieldKind
  /// Required fields must be present and not `null`; optional ones may be absent or `null`.
  public var required: Bool
  /// What the field means, in one English line.
  public var help: String
  /// The same, in French.
  public var helpFR: String
  /// A short French column label, e.g. `"heures d'insertion"` for `insertionHours`
  /// (the header of a CSV template; an import's header may give it instead of the name).
  public var labelFR: String

  /// A field; see also ``required(_:_:_:)`` and ``optional(_:_:_:)``.
  public init(name: String, kind: FieldKind, required: Bool, help: String, fr helpFR: String? = nil, labelFR: String? = nil) {
    self.name = name
    self.nameKey = NameKey(name)
    self.kind = kind
    self.required = required
    self.help = help
    self.helpFR = helpFR ?? help
    self.labelFR = labelFR ?? name
  }

  /// A required field.
  public static func required(
    _ field: some EventField, _ kind: FieldKind, _ help: String, fr: String? = nil, labelFR: String? = nil
  ) -> FieldSpec {
    FieldSpec(name: field.name, kind: kind, required: true, help: help, fr: fr, labelFR: labelFR)
  }

  /// An optional field (may be absent or `null`).
  public static func optional(
    _ field: some EventField, _ kind: FieldKind, _ help: String, fr: String? = nil, labelFR: String? = nil
  ) -> FieldSpec {
    FieldSpec(name: field.name, kind: kind, required: false, help: help, fr: fr, labelFR: labelFR)
  }

  /// Parses a command-line value (`key=value`) for this field; errors name the field.
  ///
  /// ```swift
  /// try ProcurementContractAwarded.fields[5].parse("oui")  // true (socialClause)
  /// ```
  public func parse(_ text: String) throws(DomainError) -> JSONValue {
    try kind.parse(text, field: name)
  }
}
