import Domain
import Journal

/// Reads one line of an import (the envelope of EVENTS.md §1, JSON Lines)
/// into a ``NewEvent``. Fields the journal sets (`seq`, `version`, `prev`,
/// `hash`) are ignored; `recordedAt` is kept for legacy history; any other
/// unknown field is refused (it is almost always a typo).
public enum ImportLine {
  static let envelopeFields: Set<String> = [
    "seq", "id", "type", "version", "occurredOn", "recordedAt", "author", "source", "reason", "data", "prev", "hash",
  ]

  /// Parses `bytes` (one line, without its newline); errors carry `line`.
  public static func parse(_ bytes: ArraySlice<UInt8>, line: Int) throws(ServiceError) -> NewEvent {
    try bytes.withUnsafeBufferPointer { buffer throws(ServiceError) in try parse(buffer, line: line) }
  }

  /// Same, on borrowed bytes (no reference counting: the importer's threads share one buffer).
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(ServiceError) -> NewEvent {
    func bad(_ field: String?, _ message: String, code: ServiceError.Code = .badInput) -> ServiceError {
      ServiceError(code, message, at: .init(line: line, field: field))
    }
    // The envelope's members by slot (see `slot(of:)`), without a dictionary of them.
    var slots = Slots()
    // `data` whose values are written canonically (as `ess export` writes them, in any
    // member order) is encoded from its bytes, not parsed into a JSONValue and encoded.
    var encodedData: [UInt8]? = nil
    do {
      let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }
      guard first == UInt8(ascii: "{") else {
        let value = try JSONParser.parse(bytes)
        throw bad(nil, "The line must be a JSON object (one event), not \(kind(value)).")
      }
      let (members, canonical) = try JSONParser.parseMembers(bytes, keepingCanonical: "data")
      encodedData = canonical
      for (key, value) in members {
        switch slot(of: key) {
        case .some(let k): slots[k] = value
        case nil where ignoredFields.contains(key): continue
        case nil:
          let hint =
            Suggestion.closest(to: key, among: Array(envelopeFields), maxDistance: 2).first.map { "; did you mean '\($0)'?" } ?? "."
          throw bad(key, "Unknown envelope field '\(key)'\(hint)")
        }
      }
    } catch let error as ServiceError {
      throw error
    } catch let error as JournalError {
      var m: String
      if let syntax = error.cause as? JSONSyntaxError {
        m = "found \(syntax.found) at column \(syntax.column), expected \(syntax.expected)."
      } else {
        m = error.message
      }
      if m.contains("UTF-8") {
        m += " The file is not UTF-8 text (perhaps Latin-1 or a spreadsheet export): save it as UTF-8 and try again."
      }
      throw ServiceError(.badInput, "The line is not valid JSON: \(m)", at: .init(line: line), cause: error)
    } catch {
      throw bad(nil, "The line could not be read: \(error).")
    }
    func text(_ key: String, required: Bool) throws(ServiceError) -> String? {
      switch slots[slot(of: key)!] {
      case nil, .null?:
        if required { throw bad(key, "Field '\(key)' is required.") }
        return nil
      case .string(let s)?: return s
      case let v?: throw bad(key, "Field '\(key)' must be a text; got \(kind(v)).")
      }
    }
    let type = try text("type", required: true)!
    let occurredOn = try text("occurredOn", required: true)!
    let author = try text("author", required: true)!
    var recordedAt: Timestamp? = nil
    if let r = try text("recordedAt", required: false) {
      guard let t = Timestamp(rfc3339: r) else {
        throw bad(
          "recordedAt",
          "Field 'recordedAt' must be an RFC 3339 UTC time with milliseconds, like 2015-06-01T08:00:00.000Z; got \"\(r.prefix(40))\".")
      }
      recordedAt = t
    }
    if let encodedData {
      var event = NewEvent(
        id: try text("id", required: false), type: type, occurredOn: occurredOn, author: author,
        source: try text("source", required: false), reason: try text("reason", required: false),
        canonicalData: [], recordedAt: recordedAt)
      event.setCanonicalData(encodedData)
      return event
    }
    guard let data = slots[slot(of: "data")!] else {
      throw bad("data", "Field 'data' is required (the event's fields, a JSON object).")
    }
    return NewEvent(
      id: try text("id", required: false), type: type, occurredOn: occurredOn, author: author,
      source: try text("source", required: false), reason: try text("reason", required: false), data: data,
      recordedAt: recordedAt)
  }

  /// The envelope fields an import reads, by slot (compared, not hashed: this runs for every line).
  static func slot(of key: String) -> Int? {
    switch key {
    case "type": 0
    case "occurredOn": 1
    case "author": 2
    case "data": 3
    case "source": 4
    case "id": 5
    case "recordedAt": 6
    case "reason": 7
    default: nil
    }
  }

  /// Envelope fields the journal sets itself: accepted and ignored.
  static let ignoredFields: Set<String> = ["seq", "version", "prev", "hash"]

  static func kind(_ v: JSONValue) -> String {
    switch v {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a text"
    case .array: return "a list"
    case .object: return "an object"
    }
  }
}
