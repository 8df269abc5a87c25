import Journal

/// One event type of the catalog (EVENTS.md §2–§3): its name, schema
/// version, fields, rules, and a typed value of its data.
///
/// Adding a type: one file declaring a struct that conforms, and one line
/// in ``Catalog/types``.
///
/// ```swift
/// let event = try BooksDonationCounted(validating: ["books": 4265, "site": "Médiathèque Malraux"])
/// event.books                   // 4265
/// BooksDonationCounted.type     // "books.donation-counted"
/// event.data                    // {"books":4265,"site":"Médiathèque Malraux"}
/// ```
public protocol DomainEvent: Sendable, Equatable {
  /// The type name, e.g. `"pole.member-joined"`.
  static var type: String { get }
  /// The current schema version, written by appends (1 unless the type was upcast).
  static var version: Int { get }
  /// The fields of `data`, in the order `ess types` shows them.
  static var fields: [FieldSpec] { get }
  /// What the event records, in one English line.
  static var summary: String { get }
  /// A realistic command line appending such an event.
  static var example: String { get }
  /// Checks `data` (of the current version): the fields' rules, then the
  /// rules between fields of this event.
  init(validating data: JSONValue) throws(CatalogError)
  /// The canonical data object: absent optional fields are omitted.
  var data: JSONValue { get }
  /// Upgrades stored data of schema version `fromVersion` to `fromVersion + 1`.
  /// The default throws ``CatalogError/Code/unsupportedVersion``.
  static func upcast(_ data: JSONValue, fromVersion: Int) throws(CatalogError) -> JSONValue
}

extension DomainEvent {
  /// No older versions: any version other than the current one is refused.
  public static func upcast(_ data: JSONValue, fromVersion: Int) throws(CatalogError) -> JSONValue {
    guard fromVersion == version else {
      throw .unsupportedVersion(type: type, version: fromVersion, current: version)
    }
    return data
  }

  /// Reads data stored with schema `version`: upcasts it one version at a
  /// time up to ``version``, then validates it.
  ///
  /// ```swift
  /// // An indicator appended in 2022 with schema version 1:
  /// let old: JSONValue = ["indicator": "insertion.hours", "value": 1200, "unit": "heures"]
  /// try IndicatorReported.decode(old, version: 1).unit  // "hours"
  /// ```
  public static func decode(_ data: JSONValue, version: Int) throws(CatalogError) -> Self {
    guard version >= 1, version <= Self.version else {
      throw .unsupportedVersion(type: type, version: version, current: Self.version)
    }
    var current = data
    var step = version
    while step < Self.version {
      current = try upcast(current, fromVersion: step)
      step += 1
    }
    return try Self(validating: current)
  }
}
