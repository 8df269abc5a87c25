import Journal

/// The members of one DECP object (a record, its `acheteur`, a `titulaire`…)
/// typed one at a time, each problem written down as a sentence naming the
/// member and what the schema expects. In XML every value is text
/// (`textScalars`): numbers and booleans are read from it.
struct DECPFields {
  let members: [String: JSONValue]
  let textScalars: Bool
  /// The path of this object in the record, for messages ("" for the record, "acheteur.").
  let prefix: String
  /// What is wrong, one sentence each, in the order found.
  var problems: [String] = []

  init(_ members: [String: JSONValue], textScalars: Bool, prefix: String = "") {
    self.members = members
    self.textScalars = textScalars
    self.prefix = prefix
  }

  /// The value of `key`, nil when absent or null.
  func value(_ key: String) -> JSONValue? {
    guard let v = members[key], !v.isNull else { return nil }
    return v
  }

  mutating func missing(_ key: String, _ expected: String) {
    problems.append("'\(prefix)\(key)' is missing; expected \(expected)")
  }

  mutating func wrong(_ key: String, _ expected: String, _ got: JSONValue) {
    problems.append("'\(prefix)\(key)' must be \(expected); got \(Self.describe(got))")
  }

  /// A text member (trimmed when `trim`); nil and a problem when absent (if `required`) or not text.
  mutating func text(_ key: String, required: Bool, expected: @autoclosure () -> String, trim: Bool = false) -> String? {
    guard let v = value(key) else {
      if required { missing(key, expected()) }
      return nil
    }
    guard case .string(let s) = v else {
      wrong(key, expected(), v)
      return nil
    }
    let t = trim || textScalars ? Self.trimmed(s) : s
    if t.isEmpty {
      problems.append("'\(prefix)\(key)' is empty; expected \(expected())")
      return nil
    }
    return t
  }

  /// A member that must be one of `allowed`, exactly.
  mutating func choice(_ key: String, _ allowed: [String], required: Bool) -> String? {
    guard let s = text(key, required: required, expected: Self.oneOf(allowed)) else { return nil }
    guard allowed.contains(s) else {
      problems.append(Self.unknown(prefix + key, s, allowed))
      return nil
    }
    return s
  }

  /// A number (JSON number, or decimal text in XML).
  mutating func number(_ key: String, required: Bool, expected: String) -> JSONNumber? {
    guard let v = value(key) else {
      if required { missing(key, expected) }
      return nil
    }
    switch v {
    case .number(let n) where !textScalars: return n
    case .string(let s) where textScalars:
      if let n = JSONNumber(literal: Self.trimmed(s)) { return n }
    default: break
    }
    wrong(key, expected, v)
    return nil
  }

  /// A whole number ≥ `minimum`.
  mutating func integer(_ key: String, minimum: Int64, required: Bool, expected: String) -> Int64? {
    guard let n = number(key, required: required, expected: expected) else { return nil }
    guard let i = n.int64Value, i >= minimum else {
      wrong(key, expected, .number(n))
      return nil
    }
    return i
  }

  /// A boolean: JSON `true`/`false`; in XML `oui`/`non`/`true`/`false`/`1`/`0` (the XSD's values).
  mutating func bool(_ key: String, required: Bool) -> Bool? {
    let expected = textScalars ? "oui, non, true, false, 1 or 0" : "true or false"
    guard let v = value(key) else {
      if required { missing(key, expected) }
      return nil
    }
    switch v {
    case .bool(let b) where !textScalars: return b
    case .string(let s) where textScalars:
      switch Self.trimmed(s) {
      case "oui", "true", "1": return true
      case "non", "false", "0": return false
      default: break
      }
    default: break
    }
    wrong(key, expected, v)
    return nil
  }

  /// A date `AAAA-MM-JJ`, an offset after it dropped (`2007-08-13+02:00` is 2007-08-13).
  mutating func date(_ key: String, required: Bool) -> String? {
    let expected = "a date AAAA-MM-JJ"
    guard let s = text(key, required: required, expected: expected) else { return nil }
    guard let d = Self.date(s) else {
      wrong(key, expected, .string(s))
      return nil
    }
    return d
  }

  /// An object member, as fields of their own.
  mutating func object(_ key: String, required: Bool, expected: @autoclosure () -> String) -> DECPFields? {
    guard let v = value(key) else {
      if required { missing(key, expected()) }
      return nil
    }
    guard case .object(let m) = v else {
      wrong(key, expected(), v)
      return nil
    }
    return DECPFields(m, textScalars: textScalars, prefix: prefix + key + ".")
  }

  /// A list member.
  mutating func list(_ key: String, required: Bool, expected: @autoclosure () -> String) -> [JSONValue]? {
    guard let v = value(key) else {
      if required { missing(key, expected()) }
      return nil
    }
    guard case .array(let items) = v else {
      wrong(key, expected(), v)
      return nil
    }
    return items
  }

  /// A v2 list of values wrapped in an object: `"considerationsSociales": {"considerationSociale": [...]}`,
  /// each value one of `allowed`; at least one.
  mutating func wrappedValues(_ key: String, item: String, _ allowed: [String], required: Bool) -> [String]? {
    guard var inner = object(key, required: required, expected: "an object {\"\(item)\": [values]}, each value \(Self.oneOf(allowed))")
    else { return nil }
    guard let items = inner.list(item, required: true, expected: "a list of values, each \(Self.oneOf(allowed))") else {
      problems += inner.problems
      return nil
    }
    return values(items, key: key + "." + item, allowed)
  }

  /// A v1.5 flat list of values, each one of `allowed`.
  mutating func flatValues(_ key: String, _ allowed: [String]) -> [String]? {
    guard let items = list(key, required: false, expected: "a list of values, each \(Self.oneOf(allowed))") else { return nil }
    return values(items, key: key, allowed)
  }

  private mutating func values(_ items: [JSONValue], key: String, _ allowed: [String]) -> [String]? {
    if items.isEmpty {
      problems.append("'\(prefix)\(key)' is an empty list; expected at least one of \(Self.oneOf(allowed))")
      return nil
    }
    var out: [String] = []
    for item in items {
      guard case .string(let raw) = item else {
        wrong(key, "a list of values, each \(Self.oneOf(allowed))", item)
        return nil
      }
      let s = textScalars ? Self.trimmed(raw) : raw
      guard allowed.contains(s) else {
        problems.append(Self.unknown(prefix + key, s, allowed))
        return nil
      }
      if !out.contains(s) { out.append(s) }
    }
    return out
  }

  // MARK: - Wording

  /// "'key' holds "x", which is not a value of the DECP schema; expected one of "a", "b"".
  static func unknown(_ key: String, _ value: String, _ allowed: [String]) -> String {
    "'\(key)' holds \(quoted(value)), which is not a value of the DECP schema (exact spelling, accents and case); expected \(oneOf(allowed))"
  }

  static func oneOf(_ allowed: [String]) -> String { "one of " + allowed.map(quoted).joined(separator: ", ") }

  static func quoted(_ s: String) -> String { "\"" + (s.count > 60 ? String(s.prefix(60)) + "…" : s) + "\"" }

  /// How a value given is named in a message.
  static func describe(_ v: JSONValue) -> String {
    switch v {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): n.text.count > 40 ? String(n.text.prefix(40)) + "… (\(n.text.count) digits)" : n.text
    case .string(let s): quoted(s)
    case .array: "a list"
    case .object: "an object"
    }
  }

  static func trimmed(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
      first.properties.isWhitespace || last.properties.isWhitespace
    else { return s }
    let scalars = s.unicodeScalars
    let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
    let end = scalars.lastIndex { !$0.properties.isWhitespace }.map { scalars.index(after: $0) } ?? start
    return start < end ? String(scalars[start..<end]) : ""
  }

  /// `AAAA-MM-JJ`, optionally followed by an offset (`+02:00`, `-05:00`, `Z`, `+02:00Z`): the date.
  static func date(_ s: String) -> String? {
    let b = Array(s.utf8)
    guard b.count >= 10, CivilDate(isoUTF8: b[0..<10]) != nil else { return nil }
    let rest = b[10...]
    let digit = { (x: UInt8) in x >= 48 && x <= 57 }
    let offsetOK: Bool
    switch rest.count {
    case 0: offsetOK = true
    case 1: offsetOK = rest.first == UInt8(ascii: "Z")
    case 6, 7:
      let r = Array(rest)
      offsetOK =
        (r[0] == UInt8(ascii: "+") || r[0] == UInt8(ascii: "-")) && digit(r[1]) && digit(r[2]) && r[3] == UInt8(ascii: ":")
        && digit(r[4]) && digit(r[5]) && (r.count == 6 || r[6] == UInt8(ascii: "Z"))
    default: offsetOK = false
    }
    return offsetOK ? String(decoding: b[0..<10], as: UTF8.self) : nil
  }
}
