import Journal

/// One event type of the catalog (EVENTS.md §2–§3): its name, schema
/// version, fields, the rules between its fields, and a typed reading of
/// its data (``View``) over the canonical bytes the journal stores.
///
/// Adding a type: one file declaring an enum that conforms, one case in
/// ``EventKind``.
///
/// ```swift
/// let bytes = try BooksDonationCounted.canonical(["books": 4265, "site": "Médiathèque Malraux"])
/// let view = BooksDonationCounted.View(JSONObjectView(bytes[...]))
/// view.books          // 4265
/// view.donatedEUR     // 426.50 €
/// BooksDonationCounted.type  // "books.donation-counted"
/// ```
public protocol DomainEvent: Sendable {
  /// The fields, in `ess types` order; each case's name is its JSON member name.
  associatedtype Field: EventField
  /// The data of one event, read from its canonical bytes.
  associatedtype View: EventView
  /// Which type this is (its name is ``EventKind/rawValue``).
  static var kind: EventKind { get }
  /// The current schema version, written by appends (1 unless the type was upcast).
  static var version: Int { get }
  /// The fields of `data`, in ``Field`` order.
  static var fields: [FieldSpec] { get }
  /// What the event records, in one English line.
  static var summary: String { get }
  /// The same, in French.
  static var summaryFR: String { get }
  /// A realistic command line appending such an event.
  static var example: String { get }
  /// The rules between fields of one event (`trainingHours ≤ insertionHours`…),
  /// on canonical data whose fields each passed their own rule (read it through
  /// ``View``). The default checks nothing.
  static func checkRules(_ data: JSONObjectView) throws(DomainError)
  /// Upgrades stored data of schema version `fromVersion` to `fromVersion + 1`.
  /// The default throws ``DomainError/Code/unsupportedVersion``.
  static func upcast(_ data: JSONValue, fromVersion: Int) throws(DomainError) -> JSONValue
}

extension DomainEvent {
  /// The type name, e.g. `"pole.member-joined"`.
  public static var type: String { kind.rawValue }

  /// No rule between fields.
  public static func checkRules(_ data: JSONObjectView) throws(DomainError) {}

  /// No older versions: any version other than the current one is refused.
  public static func upcast(_ data: JSONValue, fromVersion: Int) throws(DomainError) -> JSONValue {
    guard fromVersion == version else {
      throw .unsupportedVersion(type: type, version: fromVersion, current: version)
    }
    return data
  }

  /// Checks `data` stored with schema `version` (default: the current one):
  /// upcasts it one version at a time, checks every field's rule, then the
  /// rules between fields; returns its canonical bytes (absent and `null`
  /// optional fields omitted).
  ///
  /// ```swift
  /// // An indicator appended in 2022 with schema version 1:
  /// let old: JSONValue = ["indicator": "insertion.hours", "value": 1200, "unit": "heures"]
  /// let bytes = try IndicatorReported.canonical(old, version: 1)
  /// IndicatorReported.View(JSONObjectView(bytes[...])).unit  // "hours"
  /// ```
  ///
  /// - Parameters:
  ///   - data: the event's `data` object.
  ///   - version: the schema version it was written with; nil for the current one.
  /// - Throws: ``DomainError`` naming the field, the rule and the value given.
  public static func canonical(_ data: JSONValue, version: Int? = nil) throws(DomainError) -> [UInt8] {
    var current = data
    if let version, version != Self.version {
      guard version >= 1, version <= Self.version else {
        throw .unsupportedVersion(type: type, version: version, current: Self.version)
      }
      for step in version..<Self.version { current = try upcast(current, fromVersion: step) }
    }
    try FieldCheck.check(current, against: fields)
    let bytes = current.droppingNullMembers().canonicalBytes()
    try checkRules(JSONObjectView(bytes[...]))
    return bytes
  }

  /// ``canonical(_:version:)`` of data the caller holds as canonical bytes
  /// (``CanonicalJSON``; an import's `data` written canonically): the same
  /// checks, read from the bytes, which are returned as they are when they
  /// pass. Data this path cannot pass (a `null` member, a key with an escape,
  /// a broken rule) is parsed and checked by ``canonical(_:version:)`` itself,
  /// so the result and the errors are the same. Package access: the bytes must
  /// be canonical, which only debug builds check here (an importer's fast path).
  ///
  /// ```swift
  /// try BooksDonationCounted.canonical(encoded: Array(#"{"books":4265}"#.utf8))  // the same bytes
  /// ```
  /// - Parameter bytes: the canonical encoding of the event's `data` object
  ///   (not checked again here, but in debug builds, which every test runs: the
  ///   writer checks bytes a client gave, ``NewEvent/init(id:type:version:occurredOn:author:source:reason:canonicalData:recordedAt:)``).
  /// - Throws: ``DomainError`` as ``canonical(_:version:)`` does.
  package static func canonical(encoded bytes: [UInt8]) throws(DomainError) -> [UInt8] {
    assert(CanonicalJSON.problem(in: bytes) == nil, "not canonical: \(String(decoding: bytes, as: UTF8.self))")
    let passes = bytes.withUnsafeBufferPointer { FieldCheck.passes(canonical: $0, against: fields) }
    if passes {
      try checkRules(JSONObjectView(bytes[...]))
      return bytes
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw DomainError(.wrongType, "The event data is not JSON: \(error.message)", field: "data", cause: error)
    }
    return try canonical(value)
  }

  /// The typed reading of `data` once it passed ``canonical(_:version:)``.
  ///
  /// ```swift
  /// try OkotePledgeMade.view(validating: ["campaignId": "t1", "contributorKind": "citizen",
  ///                                       "contributorId": "hab-1", "amountEUR": 25]).amountEUR  // 25.00 €
  /// ```
  /// - Throws: ``DomainError`` as ``canonical(_:version:)`` does.
  public static func view(validating data: JSONValue, version: Int? = nil) throws(DomainError) -> View {
    View(JSONObjectView(try canonical(data, version: version)[...]))
  }
}
