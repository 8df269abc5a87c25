/// The envelope rules the journal itself enforces (EVENTS.md §1). The event
/// catalog checks each type's `data`; the journal checks only the envelope.
public enum EnvelopeRules {
  public static let maxAuthorLength = 64
  public static let maxSourceLength = 500
  public static let maxReasonLength = 2000
  /// The largest event line the journal stores (1 MiB).
  public static let maxLineBytes = 1 << 20

  /// Checks the envelope of `event`; the error names the field and the rule.
  public static func check(_ event: NewEvent) throws(JournalError) {
    func bad(_ field: String, _ message: String) -> JournalError {
      JournalError(.invalidInput, message, at: .init(field: field))
    }
    if !isTypeName(event.type) {
      throw bad(
        "type",
        "Field 'type' must be a type name (lowercase letters, digits, '.' and '-', at most 64 characters); got '\(event.type.prefix(80))'."
      )
    }
    if event.version < 1 || event.version > 1000 {
      throw bad("version", "Field 'version' must be 1 to 1000; got \(event.version).")
    }
    if !isValidTime(event.occurredOn) {
      let given = event.occurredOn.prefix(40)
      if event.occurredOn.utf8.count == 19, isValidTime(event.occurredOn + "Z") {
        throw bad(
          "occurredOn",
          "Field 'occurredOn' is a date-time without its offset ('\(given)'); add Z or +01:00 / +02:00, or give the date alone (YYYY-MM-DD)."
        )
      }
      throw bad(
        "occurredOn",
        "Field 'occurredOn' must be a date that exists, YYYY-MM-DD (or an RFC 3339 date-time with its offset); got '\(given)'.")
    }
    let authorLength = event.author.utf8.count <= maxAuthorLength ? event.author.utf8.count : event.author.count
    if authorLength < 1 || authorLength > maxAuthorLength || event.author.utf8.contains(where: { $0 < 0x20 }) {
      throw bad(
        "author", "Field 'author' must be 1 to \(maxAuthorLength) characters without control characters; got \(authorLength) characters.")
    }
    if let s = event.source, s.utf8.count > maxSourceLength, s.count > maxSourceLength {
      throw bad("source", "Field 'source' is \(s.count) characters long; at most \(maxSourceLength) are allowed.")
    }
    if let r = event.reason, r.utf8.count > maxReasonLength, r.count > maxReasonLength {
      throw bad("reason", "Field 'reason' is \(r.count) characters long; at most \(maxReasonLength) are allowed.")
    }
    guard event.dataIsObject else {
      throw bad("data", "Field 'data' must be a JSON object (the event's fields).")
    }
    if let bytes = event.uncheckedCanonicalData, let problem = CanonicalJSON.problem(in: bytes) {
      throw bad(
        "data", "Field 'data' is not in canonical JSON at byte offset \(problem.offset) of its encoding: expected \(problem.expected).")
    }
    if let id = event.id, normalizedID(id) == nil {
      throw bad("id", "Field 'id' must be a UUID (8-4-4-4-12 hexadecimal digits); got '\(id.prefix(60))'.")
    }
  }

  /// `[a-z][a-z0-9.-]{0,63}`.
  public static func isTypeName(_ s: String) -> Bool {
    func check(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
      guard (1...64).contains(u.count), (97...122).contains(u[0]) else { return false }
      for c in u where !((97...122).contains(c) || (48...57).contains(c) || c == 46 || c == 45) { return false }
      return true
    }
    if let ok = s.utf8.withContiguousStorageIfAvailable(check) { return ok }
    return Array(s.utf8).withUnsafeBufferPointer(check)
  }

  /// A UUID in lowercase 8-4-4-4-12 form, or nil.
  public static func normalizedID(_ s: String) -> String? {
    func check(_ u: UnsafeBufferPointer<UInt8>) -> (valid: Bool, lowercase: Bool) {
      guard UUIDKey.parse(u) != nil else { return (false, false) }
      return (true, !u.contains(where: { (65...70).contains($0) }))
    }
    let (valid, lowercase) = s.utf8.withContiguousStorageIfAvailable(check) ?? Array(s.utf8).withUnsafeBufferPointer(check)
    guard valid else { return nil }
    return lowercase ? s : s.lowercased()
  }

  /// `YYYY-MM-DD` that exists, or `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`
  /// (``Timestamp/init(rfc3339WithOffset:)``).
  public static func isValidTime(_ s: String) -> Bool {
    s.utf8.count == 10 ? CivilDate(iso: s) != nil : Timestamp(rfc3339WithOffset: s) != nil
  }
}
