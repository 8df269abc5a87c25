import Journal

/// The event catalog: every type the journal accepts (EVENTS.md §2–§3).
///
/// ```swift
/// let bytes = try EventCatalog.canonical(
///   type: "procurement.insertion-hours-reported",
///   data: ["contractId": "ems-2022-0147", "insertionHours": 12500, "trainingHours": 1800,
///          "beneficiaries": 14, "beneficiariesInQPV": 9])
/// EventCatalog.type(named: "okote.pledge-made")?.summary
/// ```
public enum EventCatalog {
  /// Every type: the domain types, then the corrections (``EventKind`` order).
  public static let types: [any DomainEvent.Type] = EventKind.allCases.map(\.eventType)

  /// The type named `name`, e.g. `"okote.pledge-made"`, or nil.
  public static func type(named name: String) -> (any DomainEvent.Type)? {
    EventKind.lookup(name)?.eventType
  }

  /// The kind named `name`.
  /// - Throws: ``DomainError/Code/unknownType``, suggesting close names.
  public static func kind(named name: String) throws(DomainError) -> EventKind {
    guard let kind = EventKind.lookup(name) else { throw unknownType(name) }
    return kind
  }

  /// Checks `data` as data of `type` stored with schema `version` (default:
  /// the current one) and returns its canonical bytes at the current version
  /// (see ``DomainEvent/canonical(_:version:)``).
  ///
  /// ```swift
  /// try EventCatalog.canonical(type: "books.donation-counted", data: ["books": 4265, "site": nil])
  /// // the bytes of {"books":4265}
  /// ```
  /// - Throws: ``DomainError``: an unknown type, or the first rule the data breaks.
  public static func canonical(type: String, data: JSONValue, version: Int? = nil) throws(DomainError) -> [UInt8] {
    try kind(named: type).eventType.canonical(data, version: version)
  }

  /// The same check, returning the canonical data as a value (absent and `null` optional fields omitted).
  ///
  /// ```swift
  /// try EventCatalog.validate(type: "books.donation-counted", data: ["books": 4265, "site": nil])  // {"books":4265}
  /// ```
  /// - Throws: ``DomainError`` as ``canonical(type:data:version:)``.
  public static func validate(type: String, data: JSONValue, version: Int? = nil) throws(DomainError) -> JSONValue {
    let bytes = try canonical(type: type, data: data, version: version)
    // Canonical bytes this module just wrote always parse.
    return (try? JSONParser.parse(bytes)) ?? .object([:])
  }

  /// Data stored with an older schema `version`, upcast to the current one
  /// (returned unchanged when it is current or cannot be upcast).
  public static func upcast(_ kind: EventKind, _ data: JSONObjectView, from version: Int) -> JSONObjectView {
    let type = kind.eventType
    guard version < type.version, var value = try? JSONParser.parse(data.bytes) else { return data }
    for step in version..<type.version {
      guard let next = try? type.upcast(value, fromVersion: step) else { return data }
      value = next
    }
    return JSONObjectView(value.droppingNullMembers().canonicalBytes()[...])
  }

  /// The identifiers of `data` (valid data of `type`) whose checksum fails: one
  /// error per field, in the catalog's order. What an admin types is refused
  /// for them; a bulk third-party import (DECP) lists them as warnings (FORMATS.md §4).
  ///
  /// ```swift
  /// EventCatalog.checksumProblems(type: "pole.member-joined", data: ["memberId": "x", "siren": "216704826", …])
  /// // [Field 'siren' must be a SIREN: …; got "216704826", which breaks the Luhn checksum …]
  /// ```
  public static func checksumProblems(type: String, data: JSONValue) -> [DomainError] {
    guard case .object(let members) = data else { return [] }
    return checksumProblems(type: type) { members[$0] }
  }

  /// The same, for data whose members `member` gives by name (data the caller
  /// holds as a list, not a dictionary).
  public static func checksumProblems(type: String, member: (String) -> JSONValue?) -> [DomainError] {
    guard let kind = EventKind.lookup(type) else { return [] }
    var out: [DomainError] = []
    for spec in kind.eventType.fields where spec.kind.hasChecksum {
      guard let value = member(spec.name), let bad = spec.kind.checksumProblem(value) else { continue }
      out.append(FieldKind.checksumError(spec.name, spec.kind, bad))
    }
    return out
  }

  static func unknownType(_ name: String) -> DomainError {
    let names = EventKind.allCases.map(\.rawValue)
    var near = Array(Suggestion.closest(to: name, among: names, maxDistance: 3).prefix(3))
    if near.isEmpty {
      let lowered = name.lowercased()
      near = names.filter { $0.hasPrefix(lowered) }
    }
    if near.isEmpty, let dot = name.firstIndex(of: ".") {
      let domain = name[...dot].lowercased()
      near = names.filter { $0.hasPrefix(domain) }
    }
    let hint =
      near.isEmpty || near.count > 4
      ? "run 'ess types' to list the known types." : "did you mean \(Suggestion.quotedList(near))?"
    return DomainError(
      .unknownType, "Unknown event type '\(Given.shorten(name))'; \(hint)",
      field: "type", rule: "a type of the catalog", given: Given.raw(name))
  }
}
