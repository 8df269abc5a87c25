/// The byte-level recursive-descent parser behind ``JSONParser``.
///
/// Works on one contiguous UTF-8 buffer; `i` is the index of the next unread
/// byte. Recursion depth is bounded by ``JSONParser/maxDepth``.
///
/// Members and elements of the open containers are collected on two scratch
/// stacks shared by all levels, so each array and dictionary is allocated
/// once at its final size instead of growing.
struct JSONScanner {
  let b: UnsafeBufferPointer<UInt8>
  var i = 0
  var depth = 0
  private var elementStack: [JSONValue] = []
  private var memberStack: [PendingMember] = []
  /// When set, the top-level object's members are kept here, in order,
  /// instead of being built into a dictionary (``JSONParser/parseMembers(_:)``).
  var keepTopLevelMembers = false {
    // An event line's dozen members, without growing the stack for each line.
    didSet { if keepTopLevelMembers { memberStack.reserveCapacity(16) } }
  }
  var topLevelMembers: [(key: String, value: JSONValue)] = []
  /// With ``keepTopLevelMembers``: the top-level member whose value, if it is
  /// an object ``CanonicalJSON/object(in:from:depth:)`` reads, is not parsed
  /// but encoded into ``canonicalValue`` (its kept value is `.null`). Any
  /// other value of that member is parsed as usual.
  var canonicalKey: String? = nil
  var canonicalValue: [UInt8]? = nil

  /// An object member parsed but not yet placed in its dictionary.
  private struct PendingMember {
    var key: String
    var value: JSONValue
    var offset: Int
  }

  init(_ buffer: UnsafeBufferPointer<UInt8>) {
    self.b = buffer
  }

  /// Parses the whole buffer as one value surrounded by optional whitespace.
  mutating func parseDocument(requireObject: Bool) throws(JournalError) -> JSONValue {
    guard !b.isEmpty else {
      throw malformed(at: 0, found: "end of input", expected: "one JSON value (the input is empty)")
    }
    skipWhitespace()
    guard i < b.count else {
      throw malformed(at: i, found: "end of input", expected: "one JSON value (the input holds only whitespace)")
    }
    if requireObject, b[i] != UInt8(ascii: "{") {
      throw malformed(at: i, expected: "a JSON object ('{') at the top level")
    }
    let value = try parseValue()
    skipWhitespace()
    guard i == b.count else {
      throw malformed(at: i, expected: "the end of input after the JSON value")
    }
    return value
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while i < b.count {
      switch b[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  /// Parses one value starting at `i` (whitespace already skipped).
  mutating func parseValue() throws(JournalError) -> JSONValue {
    guard i < b.count else { throw malformed(at: i, expected: "a JSON value") }
    switch b[i] {
    case UInt8(ascii: "{"):
      return .object(try parseObject())
    case UInt8(ascii: "["):
      return .array(try parseArray())
    case UInt8(ascii: "\""):
      return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw malformed(at: i, expected: "a JSON value" + hint(at: i))
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JournalError) {
    let start = i
    let count = literal.utf8CodeUnitCount
    for k in 0..<count {
      guard start + k < b.count, b[start + k] == literal.utf8Start[k] else {
        throw malformed(at: start + k, expected: "the literal '\(literal)'")
      }
    }
    i = start + count
  }

  private mutating func parseNumber() throws(JournalError) -> JSONNumber {
    switch JSONNumber.scan(b, from: i) {
    case .number(let number, let end):
      i = end
      return number
    case .syntax(let offset, let expected):
      throw malformed(at: offset, expected: expected + hint(at: offset))
    case .tooManyDigits:
      throw malformed(
        at: i, found: "a number that needs more than \(JSONNumber.maxDigits) digits written out without an exponent",
        expected: "at most \(JSONNumber.maxDigits) digits")
    }
  }

  private mutating func enterContainer() throws(JournalError) {
    depth += 1
    guard depth <= JSONParser.maxDepth else {
      throw malformed(at: i, found: "nesting level \(depth)", expected: "at most \(JSONParser.maxDepth) nested arrays and objects")
    }
  }

  private mutating func parseArray() throws(JournalError) -> [JSONValue] {
    try enterContainer()
    i += 1  // "["
    skipWhitespace()
    if i < b.count, b[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return []
    }
    let base = elementStack.count
    while true {
      let element = try parseValue()
      elementStack.append(element)
      skipWhitespace()
      guard i < b.count else { throw malformed(at: i, expected: "',' or ']' in the array") }
      switch b[i] {
      case UInt8(ascii: ","):
        i += 1
        skipWhitespace()
        if i < b.count, b[i] == UInt8(ascii: "]") {
          throw malformed(at: i, expected: "a value after ',' (trailing commas are not allowed)")
        }
      case UInt8(ascii: "]"):
        i += 1
        depth -= 1
        let elements = Array(elementStack[base...])
        elementStack.removeSubrange(base...)
        return elements
      default:
        throw malformed(at: i, expected: "',' or ']' after an array element" + hint(at: i))
      }
    }
  }

  private mutating func parseObject() throws(JournalError) -> [String: JSONValue] {
    try enterContainer()
    i += 1  // "{"
    skipWhitespace()
    if i < b.count, b[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return [:]
    }
    let base = memberStack.count
    var afterComma = false
    while true {
      guard i < b.count, b[i] == UInt8(ascii: "\"") else {
        let expected =
          afterComma && i < b.count && b[i] == UInt8(ascii: "}")
          ? "a string key after ',' (trailing commas are not allowed)"
          : "a string key in double quotes" + hint(at: i)
        throw malformed(at: i, expected: expected)
      }
      let keyStart = i
      let key = try parseString()
      skipWhitespace()
      guard i < b.count, b[i] == UInt8(ascii: ":") else {
        throw malformed(at: i, expected: "':' after the object key")
      }
      i += 1
      skipWhitespace()
      let value: JSONValue
      if depth == 1, keepTopLevelMembers, let canonicalKey, key == canonicalKey,
        let (end, bytes) = CanonicalJSON.object(in: b, from: i, depth: depth)
      {
        canonicalValue = bytes
        i = end
        value = .null
      } else {
        value = try parseValue()
      }
      memberStack.append(PendingMember(key: key, value: value, offset: keyStart))
      skipWhitespace()
      guard i < b.count else { throw malformed(at: i, expected: "',' or '}' in the object") }
      switch b[i] {
      case UInt8(ascii: ","):
        i += 1
        skipWhitespace()
        afterComma = true
      case UInt8(ascii: "}"):
        i += 1
        depth -= 1
        if keepTopLevelMembers && depth == 0 { return try keepMembers(from: base) }
        return try collectMembers(from: base)
      default:
        throw malformed(at: i, expected: "',' or '}' after an object member" + hint(at: i))
      }
    }
  }

  /// Keeps the members pushed since `base` in order (a repeated key is
  /// refused exactly as ``collectMembers(from:)`` refuses it) and pops them.
  private mutating func keepMembers(from base: Int) throws(JournalError) -> [String: JSONValue] {
    topLevelMembers.reserveCapacity(memberStack.count - base)
    for index in base..<memberStack.count {
      let member = memberStack[index]
      for earlier in base..<index where memberStack[earlier].key == member.key {
        throw duplicateKey(member.key, at: member.offset)
      }
      topLevelMembers.append((member.key, member.value))
    }
    memberStack.removeSubrange(base...)
    return [:]
  }

  /// Builds the dictionary from the members pushed since `base` and pops them.
  /// A repeated key is reported at its own offset.
  private mutating func collectMembers(from base: Int) throws(JournalError) -> [String: JSONValue] {
    var members = [String: JSONValue](minimumCapacity: memberStack.count - base)
    for index in base..<memberStack.count {
      let member = memberStack[index]
      if members.updateValue(member.value, forKey: member.key) != nil {
        throw duplicateKey(member.key, at: member.offset)
      }
    }
    memberStack.removeSubrange(base...)
    return members
  }
}
