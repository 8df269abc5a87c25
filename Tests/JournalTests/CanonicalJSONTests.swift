import Journal
import TestSupport
import Testing

@Suite("Canonical JSON")
struct CanonicalJSONTests {
  static func canonical(_ text: String) throws -> String {
    try JSONParser.parse(text).canonicalString
  }

  @Test("scalars and containers")
  func basics() throws {
    #expect(JSONValue.null.canonicalString == "null")
    #expect(JSONValue.bool(true).canonicalString == "true")
    #expect(JSONValue.bool(false).canonicalString == "false")
    #expect(JSONValue.number(JSONNumber(literal: "-2.50e1")!).canonicalString == "-25")
    #expect(JSONValue.string("").canonicalString == #""""#)
    #expect(JSONValue.array([]).canonicalString == "[]")
    #expect(JSONValue.object([:]).canonicalString == "{}")
    let value: JSONValue = ["b": [1, nil, true], "a": ["y": "z", "x": [:]]]
    #expect(value.canonicalString == #"{"a":{"x":{},"y":"z"},"b":[1,null,true]}"#)
    #expect(value.canonicalBytes() == Array(value.canonicalString.utf8))
    #expect(value.description == value.canonicalString)
  }

  @Test("appendCanonical appends without touching what is there")
  func append() {
    var out = Array("prefix:".utf8)
    JSONValue.array([1, "a"]).appendCanonical(to: &out)
    JSONValue.appendCanonicalString("q\"", to: &out)
    #expect(String(decoding: out, as: UTF8.self) == #"prefix:[1,"a"]"q\"""#)
  }

  /// (input, canonical output)
  static let corpus: [(String, String)] = [
    (" { \"b\" : 1 , \"a\" : 2 } ", #"{"a":2,"b":1}"#),
    ("[ 1.50 , -0 , 1e3 , 2.5E-2 , 100 , 0.0 ]", "[1.5,0,1000,0.025,100,0]"),
    (#"{"z":{"y":{"x":[[],[{}],"s"]}},"a":null}"#, #"{"a":null,"z":{"y":{"x":[[],[{}],"s"]}}}"#),
    (#""\u0041\/\u00e9\ud83d\ude00""#, #""A/é😀""#),
    (#""tab\there\u001fend""#, #""tab\there\u001fend""#),
    (#""\u007f\u2028\u2029""#, "\"\u{7F}\u{2028}\u{2029}\""),
    ("\n\t[true,false,null]\r\n", "[true,false,null]"),
    (#"{"":"empty key","aa":1,"a":0}"#, #"{"":"empty key","a":0,"aa":1}"#),
    (#"{"n":-123456789012345678901234567890.000100}"#, #"{"n":-123456789012345678901234567890.0001}"#),
    (#"[{"k":"v"},{"k":"w"}]"#, #"[{"k":"v"},{"k":"w"}]"#),
    ("\"\u{E9} e\u{301}\"", "\"\u{E9} e\u{301}\""),
    (#""\"quoted\" \\ back""#, #""\"quoted\" \\ back""#),
  ]

  @Test("parse → canonical → parse round trip", arguments: corpus)
  func roundTrip(input: String, expected: String) throws {
    let value = try JSONParser.parse(input)
    let bytes = value.canonicalBytes()
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    let again = try JSONParser.parse(bytes)
    #expect(again == value)
    #expect(again.canonicalBytes() == bytes)
  }

  @Test("keys are sorted by UTF-8 bytes, not UTF-16 or String order")
  func keySorting() throws {
    let keys = ["b", "a", "B", "aa", "", "ä", "f", "z", "\u{7F}", "日本", "😀", "ab", "\u{FF61}", "a\u{0}", "Z", "e\u{301}"]
    let object = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
    // U+FF61 (EF BD A1) precedes U+1F600 (F0 9F 98 80) in UTF-8 although UTF-16 orders them the other way;
    // "e\u{301}" (65 CC 81) sorts by its own bytes before "f", although Swift's String order puts it after.
    #expect("f" < "e\u{301}")
    let expected = [
      "", "B", "Z", "a", "a\u{0}", "aa", "ab", "b", "e\u{301}", "f", "z", "\u{7F}", "ä", "日本", "\u{FF61}", "😀",
    ]
    var text = "{"
    for (index, key) in expected.enumerated() {
      if index > 0 { text += "," }
      text += "\"" + key.replacingNUL() + "\":null"
    }
    text += "}"
    #expect(object.canonicalString == text)
    // Parsing the members in any order gives the same bytes.
    let reversed = try JSONParser.parse("{" + expected.reversed().map { "\"\($0.replacingNUL())\":null" }.joined(separator: ",") + "}")
    #expect(reversed.canonicalBytes() == object.canonicalBytes())
  }

  @Test("every control character is escaped as specified")
  func controlCharacters() throws {
    let short: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
    let hex = Array("0123456789abcdef")
    for code in UInt8(0)..<0x20 {
      let expected = short[code] ?? "\\u00\(hex[Int(code >> 4)])\(hex[Int(code & 0xF)])"
      let string = String(Character(Unicode.Scalar(code)))
      #expect(JSONValue.string(string).canonicalString == "\"\(expected)\"", "U+\(code)")
      // The escape parses back to the same character.
      #expect(try JSONParser.parse("\"\(expected)\"") == .string(string))
    }
    #expect(JSONValue.string("\u{1F}").canonicalString == #""\u001f""#)
    #expect(JSONValue.string("\u{1B}").canonicalString == #""\u001b""#)
  }

  @Test("only quote, backslash and controls are escaped")
  func literalCharacters() {
    let cases: [(String, String)] = [
      ("\"", #""\"""#), ("\\", #""\\""#), ("/", #""/""#), ("\u{7F}", "\"\u{7F}\""),
      ("\u{2028}", "\"\u{2028}\""), ("\u{2029}", "\"\u{2029}\""), ("é", "\"é\""), ("😀", "\"😀\""),
      ("\u{FEFF}", "\"\u{FEFF}\""), ("\u{10FFFF}", "\"\u{10FFFF}\""), ("a b", "\"a b\""), ("\r\n", #""\r\n""#),
    ]
    for (string, expected) in cases {
      #expect(JSONValue.string(string).canonicalString == expected)
      var out: [UInt8] = []
      JSONValue.appendCanonicalString(string, to: &out)
      #expect(out == Array(expected.utf8))
    }
    // Keys use the same rules.
    #expect(JSONValue.object(["a\"\n/é": 1]).canonicalString == #"{"a\"\n/é":1}"#)
  }

  @Test(arguments: [3, 16, 17, 400])
  func objectsOfAnySizeAreSortedByTheirKeysBytes(_ count: Int) {
    var rng = Seeded(seed: UInt64(count))
    var members: [String: JSONValue] = [:]
    while members.count < count {
      let key = String((0..<Int.random(in: 1...6, using: &rng)).map { _ in "abéZ0_é😀".randomElement(using: &rng)! })
      members[key] = .number(JSONNumber(Int64(members.count)))
    }
    let text = JSONValue.object(members).canonicalString
    let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let expected = "{" + keys.map { JSONValue.string($0).canonicalString + ":" + members[$0]!.canonicalString }.joined(separator: ",") + "}"
    #expect(text == expected)
  }

  @Test("500 random values: canonical form is a fixed point and matches a reference encoder")
  func randomValues() throws {
    var generator = Seeded(seed: 0x5EED_1234_ABCD_0001)
    for round in 0..<500 {
      let value = generator.value(depth: 0)
      let bytes = value.canonicalBytes()
      let reference = ReferenceEncoder.encode(value)
      let matchesReference = bytes == reference
      #expect(
        matchesReference,
        "round \(round): \(String(decoding: bytes, as: UTF8.self)) vs \(String(decoding: reference, as: UTF8.self))")
      #expect(!bytes.contains { $0 < 0x20 }, "round \(round): raw control or whitespace byte")
      let parsed = try JSONParser.parse(bytes)
      #expect(parsed == value, "round \(round)")
      #expect(parsed.canonicalBytes() == bytes, "round \(round)")
    }
  }
}

extension String {
  /// Writes U+0000 as the JSON escape `\u0000` (for building expected text).
  fileprivate func replacingNUL() -> String {
    unicodeScalars.map { $0 == "\u{0}" ? "\\u0000" : String($0) }.joined()
  }
}

/// A deliberately naive encoder written from the documented rules, to check the real one.
private enum ReferenceEncoder {
  static func encode(_ value: JSONValue) -> [UInt8] {
    switch value {
    case .null: return Array("null".utf8)
    case .bool(let flag): return Array((flag ? "true" : "false").utf8)
    case .number(let number): return Array(number.text.utf8)
    case .string(let string): return encode(string)
    case .array(let elements):
      return Array("[".utf8) + elements.map(encode).joined(separator: Array(",".utf8)) + Array("]".utf8)
    case .object(let members):
      let sorted = members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
      let parts = sorted.map { encode($0.key) + Array(":".utf8) + encode($0.value) }
      return Array("{".utf8) + parts.joined(separator: Array(",".utf8)) + Array("}".utf8)
    }
  }

  static func encode(_ string: String) -> [UInt8] {
    var text = "\""
    for scalar in string.unicodeScalars {
      switch scalar.value {
      case 0x22: text += "\\\""
      case 0x5C: text += "\\\\"
      case 0x08: text += "\\b"
      case 0x0C: text += "\\f"
      case 0x0A: text += "\\n"
      case 0x0D: text += "\\r"
      case 0x09: text += "\\t"
      case 0..<0x10: text += "\\u000" + String(scalar.value, radix: 16)
      case 0x10..<0x20: text += "\\u00" + String(scalar.value, radix: 16)
      default: text.unicodeScalars.append(scalar)
      }
    }
    return Array((text + "\"").utf8)
  }
}

/// Random JSON values for the property test.
extension Seeded {
  fileprivate static let pieces: [String] =
    (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) } + [
      "a", "b", "Z", "0", " ", "\"", "\\", "/", "\u{7F}", "é", "e\u{301}", "日本", "😀", "\u{2028}", "\u{FF61}",
      "\u{10FFFF}", "key", "\r\n",
    ]

  fileprivate mutating func string() -> String {
    let length = Int.random(in: 0...8, using: &self)
    return (0..<length).map { _ in Self.pieces.randomElement(using: &self)! }.joined()
  }

  fileprivate mutating func number() -> JSONNumber {
    if Bool.random(using: &self) {
      let value = Int64(bitPattern: next()) >> UInt64.random(in: 0...62, using: &self)
      return JSONNumber(scaledInteger: value, scale: Int.random(in: -5...20, using: &self))!
    }
    // A long literal with an exponent.
    let digits = (0..<Int.random(in: 1...30, using: &self)).map { _ in String(Int.random(in: 0...9, using: &self)) }
    let literal = (Bool.random(using: &self) ? "-" : "") + "0." + digits.joined() + "e\(Int.random(in: -20...20, using: &self))"
    return JSONNumber(literal: literal)!
  }

  /// A random value; the top level (depth 0) is always an array or object.
  fileprivate mutating func value(depth: Int) -> JSONValue {
    let kinds = depth >= 5 ? 0..<4 : depth == 0 ? 4..<6 : 0..<6
    switch Int.random(in: kinds, using: &self) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &self))
    case 2: return .number(number())
    case 3: return .string(string())
    case 4: return .array((0..<Int.random(in: 0...5, using: &self)).map { _ in value(depth: depth + 1) })
    default:
      var members: [String: JSONValue] = [:]
      for _ in 0..<Int.random(in: 0...5, using: &self) { members[string()] = value(depth: depth + 1) }
      return .object(members)
    }
  }
}
