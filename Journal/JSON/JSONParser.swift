/// A strict RFC 8259 JSON parser producing ``JSONValue``.
///
/// Accepts exactly one JSON value, optionally surrounded by whitespace
/// (space, tab, CR, LF only), in UTF-8. Everything else is refused with a
/// ``JournalError`` of code ``JournalError/Code/malformedJSON`` whose
/// `location.offset` is the byte offset of the problem and whose message says
/// what was found there (with line and column) and what was expected.
///
/// Refused, in particular: empty input, trailing content, trailing commas,
/// single quotes, comments, `NaN`/`Infinity`, leading zeros, a byte-order
/// mark, unescaped control characters (below U+0020) in strings, unknown
/// escapes, unpaired UTF-16 surrogates in `\u` escapes, invalid UTF-8
/// (overlong forms, encoded surrogates, code points above U+10FFFF, truncated
/// sequences, stray continuation bytes), duplicate object keys, numbers whose
/// canonical text exceeds ``JSONNumber/maxDigits`` digits, and nesting deeper
/// than ``maxDepth``.
///
/// Object keys are Swift `String`s, and two keys that are canonically
/// equivalent Unicode (`"é"` and `"e\u{301}"`) are equal as dictionary keys,
/// so such a pair is refused as a duplicate too.
///
/// ```swift
/// let event = try JSONParser.parseObject(Array(#"{"type":"sale","amount":426.5}"#.utf8))
/// event["amount"]?.numberValue?.scaled(by: 2)  // 42650
/// ```
public enum JSONParser {
  /// The deepest nesting of arrays and objects accepted; a top-level scalar
  /// is depth 0, `[]` is depth 1.
  public static let maxDepth = 64

  /// Parses one JSON value from UTF-8 bytes.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JournalError) -> JSONValue {
    try withBuffer(bytes) { (buffer) throws(JournalError) in
      var scanner = JSONScanner(buffer)
      return try scanner.parseDocument(requireObject: false)
    }
  }

  /// Parses one JSON value from a string (its UTF-8 encoding).
  public static func parse(_ text: String) throws(JournalError) -> JSONValue {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(JournalError) -> JSONValue in
        var scanner = JSONScanner(buffer)
        return try scanner.parseDocument(requireObject: false)
      }
    }
    return try result.get()
  }

  /// Parses UTF-8 bytes that must hold one JSON object, and returns its
  /// members in the order written, with the same checks and errors as
  /// ``parseObject(_:)`` (a repeated key is refused): for callers that read
  /// a few known members once, where building a dictionary costs more than
  /// it saves.
  ///
  /// ```swift
  /// for (key, value) in try JSONParser.parseMembers(Array(#"{"type":"x","data":{}}"#.utf8)) { … }
  /// ```
  public static func parseMembers(_ bytes: UnsafeBufferPointer<UInt8>) throws(JournalError) -> [(key: String, value: JSONValue)] {
    var scanner = JSONScanner(bytes)
    scanner.keepTopLevelMembers = true
    _ = try scanner.parseDocument(requireObject: true)
    return scanner.topLevelMembers
  }

  /// ``parseMembers(_:)``, except that the value of the member `key`, when it
  /// is an object whose keys and values are each written in canonical form
  /// (``CanonicalJSON/object(in:from:depth:)``: members in any order), is not
  /// parsed: its canonical encoding is returned and its listed value is
  /// `.null`. Any other value of `key` is parsed, checked and listed as usual;
  /// the checks and errors of the rest are those of ``parseMembers(_:)``. The
  /// importer's way to copy an event's `data` instead of building it and
  /// encoding it again.
  ///
  /// ```swift
  /// let line = Array(#"{"type":"x","data":{"b":1,"a":2}}"#.utf8)
  /// let (members, data) = try line.withUnsafeBufferPointer { try JSONParser.parseMembers($0, keepingCanonical: "data") }
  /// data  // the bytes of {"a":2,"b":1}; members[1].value is .null
  /// ```
  package static func parseMembers(
    _ bytes: UnsafeBufferPointer<UInt8>, keepingCanonical key: String
  ) throws(JournalError) -> (members: [(key: String, value: JSONValue)], canonical: [UInt8]?) {
    var scanner = JSONScanner(bytes)
    scanner.keepTopLevelMembers = true
    scanner.canonicalKey = key
    _ = try scanner.parseDocument(requireObject: true)
    return (scanner.topLevelMembers, scanner.canonicalValue)
  }

  /// One value written in canonical form (a member's value inside bytes that
  /// passed ``CanonicalJSON``, so its strings are valid UTF-8), read without
  /// the general parser for numbers, booleans and strings without escapes;
  /// nil if the bytes are not one JSON value.
  package static func value(canonical bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
    guard let first = bytes.first else { return nil }
    switch first {
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if case .number(let number, let end) = JSONNumber.scan(bytes, from: 0), end == bytes.count { return .number(number) }
      return nil
    case UInt8(ascii: "t") where bytes.elementsEqual("true".utf8): return .bool(true)
    case UInt8(ascii: "f") where bytes.elementsEqual("false".utf8): return .bool(false)
    case UInt8(ascii: "\""):
      let inner = UnsafeBufferPointer(rebasing: bytes.dropFirst().dropLast())
      if bytes.count >= 2, bytes.last == UInt8(ascii: "\""), !inner.contains(0x5C), !inner.contains(0x22) {
        return .string(String(decoding: inner, as: UTF8.self))
      }
    default: break
    }
    return try? parse(bytes)
  }

  /// Parses UTF-8 bytes that must hold one JSON object, and returns its members.
  ///
  /// Anything else at the top level (an array, a string, …) is refused with
  /// "expected a JSON object".
  public static func parseObject(_ bytes: some Collection<UInt8>) throws(JournalError) -> [String: JSONValue] {
    let value = try withBuffer(bytes) { (buffer) throws(JournalError) in
      var scanner = JSONScanner(buffer)
      return try scanner.parseDocument(requireObject: true)
    }
    guard case .object(let members) = value else {
      // parseDocument(requireObject: true) only returns objects.
      preconditionFailure("JSONScanner returned a non-object for requireObject")
    }
    return members
  }

  /// Runs `body` on contiguous storage for `bytes`, copying only if needed.
  private static func withBuffer<C: Collection<UInt8>>(
    _ bytes: C, _ body: (UnsafeBufferPointer<UInt8>) throws(JournalError) -> JSONValue
  ) throws(JournalError) -> JSONValue {
    let direct = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(JournalError) -> JSONValue in try body(buffer) }
    }
    if let direct { return try direct.get() }
    let copy = Array(bytes)
    let result = copy.withUnsafeBufferPointer { buffer in
      Result { () throws(JournalError) -> JSONValue in try body(buffer) }
    }
    return try result.get()
  }
}

extension JSONParser {
  /// The text of one JSON string written with its quotes (`"a\"b"`), its
  /// escapes undone; nil if the bytes are not one string. Strings without a
  /// backslash (nearly all) are read straight, without the parser.
  static func string<C: BidirectionalCollection<UInt8>>(quoted bytes: C) -> String? {
    guard bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 else { return nil }
    let inner = bytes.dropFirst().dropLast()
    if !inner.contains(0x5C) { return String(decoding: inner, as: UTF8.self) }
    guard case .string(let s)? = try? parse(bytes) else { return nil }
    return s
  }
}
