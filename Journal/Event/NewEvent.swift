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
  /// Only for legacy imports: must not be in the future nor before the journal's last.
  public var recordedAt: Timestamp?
  /// `data` as given, or as the canonical bytes a client already made of it.
  var payload: Payload

  enum Payload: Sendable {
    case value(JSONValue)
    /// Canonical bytes; `checked`: made by this package's catalog (else the writer checks them).
    case canonical([UInt8], checked: Bool)
  }

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
    self.payload = .value(data)
    self.recordedAt = recordedAt
  }

  /// An event whose `data` the caller already encoded canonically (as
  /// ``JSONValue/canonicalBytes()`` writes a JSON object): the writer checks
  /// the bytes are canonical (``CanonicalJSON``) and copies them as they are,
  /// the fast path for bulk loads of values encoded once.
  ///
  /// ```swift
  /// let data: JSONValue = ["books": 4265]
  /// let e = NewEvent(
  ///   type: "books.donation-counted", occurredOn: "2022-12-31", author: "c.muller",
  ///   canonicalData: data.canonicalBytes())
  /// ```
  public init(
    id: String? = nil, type: String, version: Int = 1, occurredOn: String, author: String,
    source: String? = nil, reason: String? = nil, canonicalData: [UInt8], recordedAt: Timestamp? = nil
  ) {
    self.init(
      id: id, type: type, version: version, occurredOn: occurredOn, author: author, source: source, reason: reason,
      data: .null, recordedAt: recordedAt)
    self.payload = .canonical(canonicalData, checked: false)
  }

  /// The type's fields: must be a JSON object.
  public var data: JSONValue {
    get {
      switch payload {
      case .value(let value): return value
      case .canonical(let bytes, _): return (try? JSONParser.parse(bytes)) ?? .object([:])
      }
    }
    set { payload = .value(newValue) }
  }

  /// The canonical encoding of `data` (what the journal writes and hashes).
  public var canonicalData: [UInt8] {
    switch payload {
    case .value(let value): return value.canonicalBytes()
    case .canonical(let bytes, _): return bytes
    }
  }

  /// Replaces `data` by bytes the caller made with ``JSONValue/canonicalBytes()``
  /// of a JSON object (so the writer copies them instead of encoding again).
  /// Not checked: a caller that passes other bytes writes a non-canonical line.
  package mutating func setCanonicalData(_ bytes: [UInt8]) {
    payload = .canonical(bytes, checked: true)
  }

  /// `data` as canonical bytes, if it is held so (checked or not): nil when it is a ``JSONValue``.
  package var encodedData: [UInt8]? {
    if case .canonical(let bytes, _) = payload { return bytes }
    return nil
  }

  /// Canonical bytes given through the public initializer, not yet checked (``EnvelopeRules`` checks them).
  var uncheckedCanonicalData: [UInt8]? {
    if case .canonical(let bytes, checked: false) = payload { return bytes }
    return nil
  }

  /// Whether `data` is a JSON object.
  var dataIsObject: Bool {
    switch payload {
    case .value(let value):
      if case .object = value { return true }
      return false
    case .canonical(let bytes, _): return bytes.first == UInt8(ascii: "{")
    }
  }

  /// Appends the canonical encoding of `data`.
  func appendCanonicalData(to out: inout [UInt8]) {
    switch payload {
    case .value(let value): value.appendCanonical(to: &out)
    case .canonical(let bytes, _): out.append(contentsOf: bytes)
    }
  }

  /// Equal envelopes, and data with the same canonical bytes.
  public static func == (a: NewEvent, b: NewEvent) -> Bool {
    a.id == b.id && a.type == b.type && a.version == b.version && a.occurredOn == b.occurredOn && a.author == b.author
      && a.source == b.source && a.reason == b.reason && a.recordedAt == b.recordedAt && a.canonicalData == b.canonicalData
  }
}
