import Journal
import Testing

@Suite("JSONParser")
struct JSONParserTests {
  /// Parses `bytes` expecting failure; checks the code and offset, returns the error.
  @discardableResult
  static func expectFailure(
    _ bytes: [UInt8], offset: Int64, contains fragment: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> JournalError? {
    do {
      let value = try JSONParser.parse(bytes)
      Issue.record("parsed \(value) but expected an error", sourceLocation: sourceLocation)
      return nil
    } catch {
      #expect(error.code == .malformedJSON, sourceLocation: sourceLocation)
      #expect(error.location?.offset == offset, "\(error.message)", sourceLocation: sourceLocation)
      #expect(error.message.contains("byte offset \(offset)"), "\(error.message)", sourceLocation: sourceLocation)
      if !fragment.isEmpty {
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
      }
      return error
    }
  }

  @Test("parses every kind of value")
  func accepts() throws {
    #expect(try JSONParser.parse("null") == .null)
    #expect(try JSONParser.parse("true") == true)
    #expect(try JSONParser.parse(" \t\r\nfalse\n") == false)
    #expect(try JSONParser.parse("\"hi\"") == "hi")
    #expect(try JSONParser.parse("-12") == -12)
    #expect(try JSONParser.parse("[]") == [])
    #expect(try JSONParser.parse("{}") == [:])
    let value = try JSONParser.parse(#" { "a" : [ 1 , 2.50 , {"b":null} ] , "c" : "d" } "#)
    let expected: JSONValue = ["a": [1, .number(JSONNumber(literal: "2.5")!), ["b": nil]], "c": "d"]
    #expect(value == expected)
    #expect(value["a"]?.arrayValue?.count == 3)
    #expect(value["c"]?.stringValue == "d")
    #expect(value["a"]?.arrayValue?[2]["b"]?.isNull == true)
    #expect(value["missing"] == nil)
  }

  @Test("numbers are kept exactly and normalised")
  func numbers() throws {
    let value = try JSONParser.parse("[1.50, 1e3, -0, 0.1, 12345678901234567890.123456789, 2.5E-2]")
    let texts = value.arrayValue?.compactMap { $0.numberValue?.text }
    #expect(texts == ["1.5", "1000", "0", "0.1", "12345678901234567890.123456789", "0.025"])
  }

  @Test("decodes escapes and surrogate pairs")
  func escapes() throws {
    let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u0000\u00e9\u00C9\ud83d\ude00\u2028z""#)
    #expect(value == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t\u{00}éÉ😀\u{2028}z"))
    #expect(try JSONParser.parse(#""\uD834\uDD1E""#) == "𝄞")
    #expect(try JSONParser.parse(#""日本語 é 😀""#) == "日本語 é 😀")
  }

  @Test("String, Array, ArraySlice and non-contiguous input agree")
  func inputKinds() throws {
    let text = #"{"k":["v",1,true]}"#
    let bytes = Array(text.utf8)
    let fromString = try JSONParser.parse(text)
    #expect(try JSONParser.parse(bytes) == fromString)
    #expect(try JSONParser.parse(([0x20] + bytes + [0x20])[1...]) == fromString)
    #expect(try JSONParser.parse(bytes.lazy.map { $0 }) == fromString)
    #expect(try JSONParser.parse(text.utf8) == fromString)
  }

  @Test("parseObject requires an object")
  func parseObject() throws {
    let members = try JSONParser.parseObject(Array(#" {"a":1} "#.utf8))
    #expect(members == ["a": 1])
    for (text, offset) in [("[1]", 0), ("  \"x\"", 2), ("1", 0)] {
      do {
        _ = try JSONParser.parseObject(Array(text.utf8))
        Issue.record("\(text) accepted")
      } catch {
        #expect(error.code == .malformedJSON)
        #expect(error.location?.offset == Int64(offset))
        #expect(error.message.contains("expected a JSON object"), "\(error.message)")
      }
    }
    #expect(throws: JournalError.self) { try JSONParser.parseObject([UInt8]()) }
  }

  @Test("empty and whitespace-only input")
  func empty() {
    let error = Self.expectFailure([], offset: 0, contains: "empty")
    #expect(error?.message.contains("input is empty") == true)
    Self.expectFailure(Array("  \n ".utf8), offset: 4, contains: "only whitespace")
  }

  /// (input, offset of the error, a fragment of the message)
  static let rejections: [(String, Int64, String)] = [
    ("[1,]", 3, "trailing commas"),
    (#"{"a":1,}"#, 7, "trailing commas"),
    ("[1,\n  ]", 6, "line 2, column 3"),
    ("'a'", 0, "double quotes"),
    ("{'a':1}", 1, "double quotes"),
    ("[1] // c", 4, "end of input after the JSON value"),
    ("/* c */ 1", 0, "comments"),
    ("[1,/*x*/2]", 3, "comments"),
    ("NaN", 0, "NaN and Infinity"),
    ("Infinity", 0, "NaN and Infinity"),
    ("-Infinity", 1, "a digit after '-'"),
    ("[nan]", 2, "the literal 'null'"),
    ("01", 1, "leading zeros"),
    ("-01", 2, "leading zeros"),
    ("1.", 2, "a digit after the decimal point"),
    (".5", 0, "a JSON value"),
    ("+1", 0, "a JSON value"),
    ("1e", 2, "exponent"),
    ("1e+", 3, "exponent"),
    ("0x10", 1, "end of input"),
    ("[1e1000000]", 1, "64 digits"),
    ("\"a\u{01}b\"", 2, "control character U+0001"),
    ("\"\t\"", 1, "control character U+0009"),
    ("\"a\nb\"", 2, "raw control character"),
    ("\"\u{1F}\"", 1, "U+001F"),
    (#""\x""#, 2, "the escape at byte offset 1 is invalid"),
    (#""\'""#, 2, "is invalid"),
    (#""\u12G4""#, 5, "4 hexadecimal digits"),
    (#""\u12""#, 5, "4 hexadecimal digits"),
    (#""\ud83d""#, 7, "lone surrogates"),
    (#""\ud83dx""#, 7, "lone surrogates"),
    (#""\ud83d\u0041""#, 7, #"not \u0041"#),
    (#""\ude00""#, 1, #"lone low-surrogate escape \uDE00"#),
    (#""\ude00\ud83d""#, 1, "lone surrogates"),
    (#""\ud83d\ud83d""#, 7, "low-surrogate"),
    ("[1 2]", 3, "',' or ']'"),
    (#"{"a" 1}"#, 5, "':'"),
    (#"{"a":1 "b":2}"#, 7, "',' or '}'"),
    ("{1:2}", 1, "string key"),
    ("1 2", 2, "end of input after the JSON value"),
    ("[", 1, "found end of input"),
    ("{", 1, "found end of input"),
    (#"{"a":"#, 5, "a JSON value"),
    ("\"abc", 4, "close the string that starts at byte offset 0"),
    ("\"ab\\n", 5, "close the string"),
    ("\"ab\\", 4, "escape character"),
    ("tru", 3, "'true'"),
    ("nul", 3, "'null'"),
    ("falsy", 4, "'false'"),
    ("True", 0, "a JSON value"),
    ("\u{0C}1", 0, "a JSON value"),
    ("\u{A0}1", 0, "byte 0xC2"),
    ("[1,,2]", 3, "a JSON value"),
    ("[,]", 1, "a JSON value"),
    (#"{"a":1,,}"#, 7, "string key"),
    ("{,}", 1, "string key"),
    ("[]]", 2, "end of input"),
    ("\u{FEFF}{}", 0, "byte 0xEF"),
  ]

  @Test("rejects non-JSON with the offset of the problem", arguments: rejections)
  func rejects(input: String, offset: Int64, fragment: String) {
    Self.expectFailure(Array(input.utf8), offset: offset, contains: fragment)
  }

  @Test("rejects duplicate keys, naming the key")
  func duplicateKeys() {
    Self.expectFailure(Array(#"{"a":1,"b":2,"a":3}"#.utf8), offset: 13, contains: #"duplicate object key "a""#)
    Self.expectFailure(Array(#"[{"x":{"k\n":1,"k\n":1}}]"#.utf8), offset: 15, contains: #""k\n""#)
    // Keys equal under Unicode canonical equivalence are the same Swift String.
    Self.expectFailure(Array("{\"\u{E9}\":1,\"e\u{301}\":2}".utf8), offset: 8, contains: "duplicate")
    // Same key in different objects is fine.
    #expect(throws: Never.self) { try JSONParser.parse(#"[{"a":1},{"a":2}]"#) }
  }

  @Test("nesting: depth 64 is accepted, 65 is rejected")
  func depth() throws {
    #expect(JSONParser.maxDepth == 64)
    let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    var value = try JSONParser.parse(ok)
    var levels = 0
    while case .array(let inner) = value {
      levels += 1
      value = inner.first ?? .null
    }
    #expect(levels == 64)
    let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    Self.expectFailure(Array(deep.utf8), offset: 64, contains: "at most 64")

    let objects64 = String(repeating: #"{"a":"#, count: 63) + "{}" + String(repeating: "}", count: 63)
    #expect(throws: Never.self) { try JSONParser.parse(objects64) }
    let objects65 = String(repeating: #"{"a":"#, count: 64) + "{}" + String(repeating: "}", count: 64)
    Self.expectFailure(Array(objects65.utf8), offset: 64 * 5, contains: "nesting level 65")

    // Depth is nesting, not the number of containers: many siblings are fine.
    let wide =
      "["
      + Array(repeating: String(repeating: "[", count: 63) + String(repeating: "]", count: 63), count: 3)
      .joined(separator: ",") + "]"
    #expect(throws: Never.self) { try JSONParser.parse(wide) }
  }

  /// (bytes, offset of the error)
  static let invalidUTF8: [([UInt8], Int64)] = [
    ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong "/"
    ([0x22, 0xC1, 0xBF, 0x22], 1),  // overlong
    ([0x22, 0xE0, 0x80, 0xAF, 0x22], 2),  // overlong 3-byte
    ([0x22, 0xE0, 0x9F, 0xBF, 0x22], 2),  // overlong 3-byte (U+07FF)
    ([0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], 2),  // overlong 4-byte
    ([0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22], 2),  // overlong 4-byte (U+FFFF)
    ([0x22, 0xED, 0xA0, 0x80, 0x22], 2),  // UTF-8-encoded surrogate U+D800
    ([0x22, 0xED, 0xBF, 0xBF, 0x22], 2),  // UTF-8-encoded surrogate U+DFFF
    ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2),  // U+110000
    ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1),  // lead byte above F4
    ([0x22, 0xFF, 0x22], 1),
    ([0x22, 0xFE, 0x22], 1),
    ([0x22, 0x80, 0x22], 1),  // stray continuation
    ([0x22, 0x61, 0xBF, 0x22], 2),  // stray continuation after ASCII
    ([0x22, 0xC3, 0x22], 2),  // truncated 2-byte, quote where continuation expected
    ([0x22, 0xE6, 0x97, 0x22], 3),  // truncated 3-byte
    ([0x22, 0xF0, 0x9F, 0x98, 0x22], 4),  // truncated 4-byte
    ([0x22, 0xE6, 0x97], 3),  // truncated at end of input
    ([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], 4),  // after an escape (slow path)
    ([0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D], 3),  // in a key
    ([0x31, 0xC3, 0xA9], 1),  // outside strings
    ([0xEF, 0xBB, 0xBF, 0x31], 0),  // byte-order mark
  ]

  @Test("rejects invalid UTF-8", arguments: invalidUTF8)
  func rejectsInvalidUTF8(bytes: [UInt8], offset: Int64) {
    Self.expectFailure(bytes, offset: offset)
  }

  @Test("accepts UTF-8 boundary code points")
  func utf8Boundaries() throws {
    let cases: [([UInt8], String)] = [
      ([0xC2, 0x80], "\u{80}"), ([0xDF, 0xBF], "\u{7FF}"), ([0xE0, 0xA0, 0x80], "\u{800}"),
      ([0xED, 0x9F, 0xBF], "\u{D7FF}"), ([0xEE, 0x80, 0x80], "\u{E000}"), ([0xEF, 0xBF, 0xBF], "\u{FFFF}"),
      ([0xF0, 0x90, 0x80, 0x80], "\u{10000}"), ([0xF4, 0x8F, 0xBF, 0xBF], "\u{10FFFF}"), ([0x7F], "\u{7F}"),
    ]
    for (inner, expected) in cases {
      #expect(try JSONParser.parse([0x22] + inner + [0x22]) == .string(expected))
      #expect(try JSONParser.parse([0x22, 0x5C, 0x74] + inner + [0x22]) == .string("\t" + expected))
    }
  }

  @Test("error messages are one readable sentence")
  func messages() {
    let error = Self.expectFailure(Array("{\n  \"a\": tru\n}".utf8), offset: 12)
    #expect(
      error?.message == "Malformed JSON: found control character U+000A at byte offset 12 (line 2, column 11), expected the literal 'true'."
    )
    let other = Self.expectFailure(Array("[1,]".utf8), offset: 3)
    #expect(
      other?.message
        == "Malformed JSON: found ']' at byte offset 3 (line 1, column 4), expected a value after ',' (trailing commas are not allowed).")
  }

  @Test("members in order: the same values and the same refusals as a dictionary")
  func membersInOrder() throws {
    func members(_ text: String) throws(JournalError) -> [(key: String, value: JSONValue)] {
      let bytes = Array(text.utf8)
      return try bytes.withUnsafeBufferPointer { (b) throws(JournalError) in try JSONParser.parseMembers(b) }
    }
    let text = #" {"z":1,"a":{"b":[true,null]},"m":"x\u00e9"} "#
    let got = try members(text)
    #expect(got.map(\.key) == ["z", "a", "m"])
    #expect(Dictionary(uniqueKeysWithValues: got.map { ($0.key, $0.value) }) == (try JSONParser.parseObject(Array(text.utf8))))
    #expect(try members("{}").isEmpty)
    // Nested objects still refuse repeated keys, and so does the top level, at the same offset.
    for bad in [#"{"a":1,"b":2,"a":3}"#, #"{"a":{"x":1,"x":2}}"#, #"{"é":1,"e\u0301":2}"#, "[1]", #"{"a":1,}"#, ""] {
      var expected: JournalError?
      do { _ = try JSONParser.parseObject(Array(bad.utf8)) } catch { expected = error }
      var actual: JournalError?
      do { _ = try members(bad) } catch { actual = error }
      #expect(expected != nil && actual == expected, "\(bad)")
    }
  }
}
