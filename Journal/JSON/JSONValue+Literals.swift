/// Literal syntax for ``JSONValue``, mostly for tests and fixed documents:
/// `let v: JSONValue = ["a": 1, "b": [true, nil], "c": "text"]`.
///
/// There is deliberately no float literal: a `Double` cannot hold every
/// decimal exactly. Write `.number(JSONNumber(literal: "1.5")!)` instead.
extension JSONValue: ExpressibleByNilLiteral {
  /// `nil` is JSON `null`.
  public init(nilLiteral: ()) {
    self = .null
  }
}

extension JSONValue: ExpressibleByBooleanLiteral {
  /// `true` / `false`.
  public init(booleanLiteral value: Bool) {
    self = .bool(value)
  }
}

extension JSONValue: ExpressibleByIntegerLiteral {
  /// An integer, held exactly.
  public init(integerLiteral value: Int64) {
    self = .number(JSONNumber(value))
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  /// A JSON string.
  public init(stringLiteral value: String) {
    self = .string(value)
  }
}

extension JSONValue: ExpressibleByArrayLiteral {
  /// A JSON array.
  public init(arrayLiteral elements: JSONValue...) {
    self = .array(elements)
  }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
  /// A JSON object. Like a `Dictionary` literal, a repeated key is a
  /// programming error and traps.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(uniqueKeysWithValues: elements))
  }
}
