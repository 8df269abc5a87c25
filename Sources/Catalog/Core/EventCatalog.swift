import Journal

/// The event catalog: every type the journal accepts (EVENTS.md §2–§3).
///
/// ```swift
/// let data = try EventCatalog.validate(
///   type: "procurement.insertion-hours-reported",
///   data: ["contractId": "ems-2022-0147", "insertionHours": 12500, "trainingHours": 1800,
///          "beneficiaries": 14, "beneficiariesInQPV": 9])
/// EventCatalog.type(named: "okote.pledge-made")?.summary
/// ```
public enum EventCatalog {
  /// The types that amend another event (EVENTS.md §2) rather than record a fact.
  public static let correctionTypes: Set<String> = [EventCorrected.type, EventRetracted.type]

  /// Every type: the domain types, then the corrections. Adding a type is
  /// one line here.
  public static let types: [any DomainEvent.Type] = [
    PoleMemberJoined.self,
    PoleMemberLeft.self,
    PoleBoardElected.self,
    PoleGeneralAssemblyHeld.self,
    ConseilPlenaryHeld.self,
    ConseilWorkshopHeld.self,
    ProcurementContractAwarded.self,
    ProcurementInsertionHoursReported.self,
    ProcurementTenderUnsuccessful.self,
    OkoteCampaignOpened.self,
    OkotePledgeMade.self,
    OkoteCampaignClosed.self,
    BooksDonationCounted.self,
    MarcheOffEditionReported.self,
    IndicatorReported.self,
    MilestoneReached.self,
    EventCorrected.self,
    EventRetracted.self,
  ]

  private static let byName: [String: any DomainEvent.Type] = Dictionary(
    types.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })

  /// The type named `name`, e.g. `"okote.pledge-made"`, or nil.
  public static func type(named name: String) -> (any DomainEvent.Type)? {
    byName[name]
  }

  /// Checks `data` as data of `type` stored with schema `version` (default:
  /// the current one) and returns its canonical form at the current version.
  ///
  /// ```swift
  /// try EventCatalog.validate(type: "books.donation-counted", data: ["books": 4265, "site": nil])
  /// // {"books":4265}
  /// ```
  public static func validate(type: String, data: JSONValue, version: Int? = nil) throws(CatalogError) -> JSONValue {
    guard let eventType = byName[type] else { throw unknownType(type) }
    return try canonical(eventType, data, version: version)
  }

  /// The same, for a type already looked up (one lookup per event, not two).
  static func validate(_ eventType: any DomainEvent.Type, data: JSONValue) throws(CatalogError) -> JSONValue {
    try canonical(eventType, data, version: nil)
  }

  private static func canonical<T: DomainEvent>(_ type: T.Type, _ data: JSONValue, version: Int?) throws(CatalogError) -> JSONValue {
    if let version, version != T.version {
      return try T.decode(data, version: version).data
    }
    let event = try T(validating: data)
    // Every field kind keeps the value it was given (numbers are already
    // canonical text, dates exactly YYYY-MM-DD), so the canonical data is
    // the input without its null members: returning it avoids re-encoding
    // every event (string formatting, hashing) on the hot path of imports.
    // Debug builds (the tests) check this against the type's own `data`.
    let canonical = data.droppingNullMembers()
    assert(canonical == event.data, "\(T.type): data differs from the validated input")
    return canonical
  }

  static func unknownType(_ name: String) -> CatalogError {
    let names = types.map { $0.type }
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
    return CatalogError(
      .unknownType, "Unknown event type '\(Given.shorten(name))'; \(hint)",
      field: "type", rule: "a type of the catalog", given: Given.raw(name))
  }
}
