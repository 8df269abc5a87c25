import Journal

/// A DECP file as read: its shape (told from the content, never from the
/// name), its contracts (`marche`) as JSON members, and the concessions it
/// holds (skipped, counted).
struct DECPDocument {
  var version: DECPVersion
  /// "JSON" or "XML".
  var syntax: String
  /// XML: every value is text.
  var textScalars: Bool
  /// Each contract: its number in the file (1-based) and its members, or why it cannot be read.
  var marches: [(number: Int, members: [String: JSONValue], problems: [String])] = []
  var concessions = 0

  /// Reads DECP v2 JSON, v2 XML or v1.5 JSON.
  /// - Throws: ``ServiceError`` `.badInput` when the file is none of them, naming what was found and what was expected.
  static func read(_ bytes: [UInt8]) throws(ServiceError) -> DECPDocument {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    guard start < bytes.count else { throw ServiceError(.badInput, "The file is empty: there is no DECP record to import.") }
    switch bytes[start] {
    case UInt8(ascii: "{"): return try json(bytes[start...])
    case UInt8(ascii: "<"):
      let xml = try DECPXML.read(Array(bytes[start...]))
      var doc = DECPDocument(version: .v2, syntax: "XML", textScalars: true)
      doc.marches = xml.marches.enumerated().map { ($0 + 1, $1.members, $1.problems) }
      doc.concessions = xml.concessions
      return doc
    default:
      throw ServiceError(
        .badInput,
        "The file is neither JSON nor XML (it starts with \(DECPFields.quoted(String(decoding: bytes[start..<min(bytes.count, start + 12)], as: UTF8.self)))); expected a DECP file: JSON {\"marches\": …} or XML <marches>."
      )
    }
  }

  static let shapes = "{\"marches\": {\"marche\": [...]}} (DECP v2) or {\"marches\": [...]} (DECP v1.5)"

  private static func json(_ bytes: ArraySlice<UInt8>) throws(ServiceError) -> DECPDocument {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw ServiceError(error)
    }
    guard case .object(let top) = value, let marches = top["marches"] else {
      throw ServiceError(.badInput, "The JSON file has no member 'marches' at its top; expected \(shapes).")
    }
    switch marches {
    case .object(let m):
      // v2: contracts under marches.marche; concessions under marches (the schema) or beside it.
      var doc = DECPDocument(version: .v2, syntax: "JSON", textScalars: false)
      doc.concessions = (m["contrat-concession"]?.arrayValue?.count ?? 0) + (top["contrat-concession"]?.arrayValue?.count ?? 0)
      guard let list = m["marche"] else { return doc }
      guard case .array(let items) = list else {
        throw ServiceError(
          .badInput, "'marches.marche' is \(DECPFields.describe(list)); expected a list of contracts, \(shapes).")
      }
      for (i, item) in items.enumerated() { doc.append(i + 1, item) }
      return doc
    case .array(let items):
      var doc = DECPDocument(version: .v15, syntax: "JSON", textScalars: false)
      for (i, item) in items.enumerated() {
        if case .object(let o) = item, o["autoriteConcedante"] != nil || o["_type"]?.stringValue == "Contrat de concession" {
          doc.concessions += 1
        } else {
          doc.append(i + 1, item)
        }
      }
      return doc
    default:
      throw ServiceError(.badInput, "'marches' is \(DECPFields.describe(marches)); expected \(shapes).")
    }
  }

  private mutating func append(_ number: Int, _ item: JSONValue) {
    guard case .object(let members) = item else {
      marches.append((number, [:], ["the record is \(DECPFields.describe(item)); expected an object (one contract)"]))
      return
    }
    marches.append((number, members, []))
  }
}
