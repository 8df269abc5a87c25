/// A JSON document held in memory, numbers exact (see ``JSONNumber``).
///
/// Produced by ``JSONParser`` and written by ``canonicalBytes()``. Objects are
/// unordered dictionaries: member order never matters, and the canonical
/// encoding sorts keys by their UTF-8 bytes.
///
/// Equality compares strings and keys with Swift `String` equality, which
/// treats canonically equivalent Unicode (`"é"` and `"e\u{301}"`) as equal;
/// the canonical *bytes* of such values still differ, so compare
/// ``canonicalBytes()`` when byte identity matters.
///
/// ```swift
/// let v: JSONValue = ["a": 1, "b": [true, nil]]
/// v["b"]?.arrayValue?.count  // 2
/// ```
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The string, if this is `.string`.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number, if this is `.number`.
  public var numberValue: JSONNumber? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The Boolean, if this is `.bool`.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements, if this is `.array`.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The members, if this is `.object`.
  public var objectValue: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// Whether this is `.null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The member named `key`, or `nil` if this is not an object or has no such member.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }
}
