/// An event as the caller gives it to ``Writer/append(_:)``: everything but
/// what the journal sets (`seq`, `recordedAt` unless given for legacy imports,
/// `prev`, `hash`).
///
/// ```swift
/// let e = NewEvent(
///   type: "books.donation-counted", occurredOn: "2022-12-31", author: "c.muller",
///   source: "compteur Lire et faire lire", data: ["books": 4265])
/// ```
public struct NewEvent: Sendable, Equatable {
  /// A UUID chosen by the caller for idempotency, or nil to let the journal draw one.
  public var id: String?
  public var type: String
  /// Schema version of `type` at append time (≥ 1).
  public var version: Int
  /// Valid time: `YYYY-MM-DD` or an RFC 3339 date-time with its offset.
  public var occurredOn: String
  public var author: String
  public var source: String?
  public var reason: String?
  /// The type's fields: must be a JSON object.
  public var data: JSONValue
  /// Only for legacy imports: must not be in the future nor before the journal's last.
  public var recordedAt: Timestamp?

  public init(
    id: String? = nil, type: String, version: Int = 1, occurredOn: String, author: String,
    source: String? = nil, reason: String? = nil, data: JSONValue, recordedAt: Timestamp? = nil
  ) {
    self.id = id
    self.type = type
    self.version = version
    self.occurredOn = occurredOn
    self.author = author
    self.source = source
    self.reason = reason
    self.data = data
    self.recordedAt = recordedAt
  }
}
