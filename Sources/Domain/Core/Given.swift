import Journal

/// How a refused value is shown in messages: short JSON text, never a whole
/// 2000-character note. Used on error paths only.
package enum Given {
  /// The most characters of a value quoted in a message.
  package static let maxShown = 60

  /// The value as compact JSON text, cut to ``maxShown`` characters.
  package static func text(_ value: JSONValue) -> String {
    if case .string(let s) = value, s.count > maxShown - 2 {
      return JSONValue.string(String(s.prefix(maxShown - 3)) + "…").canonicalString
    }
    return shorten(value.canonicalString)
  }

  /// A raw text (e.g. a command-line value) as a JSON string, cut likewise.
  package static func raw(_ text: String) -> String {
    Given.text(.string(text))
  }

  /// The value with its JSON kind, for type mismatches: `the text "12"`.
  package static func phrase(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return text(value)
    case .number: return "the number \(text(value))"
    case .string: return "the text \(text(value))"
    case .array: return "the list \(text(value))"
    case .object: return "the object \(text(value))"
    }
  }

  package static func shorten(_ s: String) -> String {
    guard s.count > maxShown else { return s }
    return String(s.prefix(maxShown - 1)) + "…"
  }
}
