import Journal
import TestSupport
import Testing

/// ``CanonicalJSON/problem(in:)``: the check the writer runs on `data` given already encoded.
@Suite("Canonical JSON check on bytes")
struct CanonicalCheckTests {
  static func problem(_ text: String) -> CanonicalJSON.Problem? { CanonicalJSON.problem(in: Array(text.utf8)) }

  @Test("what canonicalBytes() writes passes")
  func canonicalPasses() {
    let values: [JSONValue] = [
      [:], ["a": 1], ["b": [1, nil, true, false], "a": ["y": "z", "x": [:]]],
      ["amount": .number(JSONNumber(literal: "-0.025")!), "big": .number(JSONNumber(literal: "12345678901234567890")!)],
      ["text": "quote \" slash \\ / tab \t nl \n cr \r ff \u{0C} bs \u{08} nul \u{0} us \u{1F} del \u{7F} é 😀 \u{2028}"],
      ["é": 1, "e": 2, "z": 3, "ab": 4, "a": 5, "\u{1F}": 6, "\"": 7],
    ]
    for value in values {
      let bytes = value.canonicalBytes()
      #expect(CanonicalJSON.problem(in: bytes) == nil, "\(value.canonicalString)")
    }
  }

  /// Escapes found eight bytes at a time: one at every place of a word, in long and short strings.
  @Test("a character to escape is found wherever it is")
  func escapesAtEveryPlace() throws {
    for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", " "] {
      for p in 0..<20 {
        let text = String(repeating: "a", count: p) + special + String(repeating: "b", count: p % 9)
        let bytes = JSONValue.object(["k": .string(text)]).canonicalBytes()
        // The reference: each character on its own, escaped as rule 4 says.
        var expected = Array("{\"k\":\"".utf8)
        for u in text.utf8 {
          switch u {
          case 0x22: expected += Array("\\\"".utf8)
          case 0x5C: expected += Array("\\\\".utf8)
          case 0x0A: expected += Array("\\n".utf8)
          case 0x01: expected += Array("\\u0001".utf8)
          case 0x1F: expected += Array("\\u001f".utf8)
          default: expected.append(u)
          }
        }
        expected += Array("\"}".utf8)
        #expect(bytes == expected, "\(special) after \(p) bytes")
        #expect(CanonicalJSON.problem(in: bytes) == nil, "\(special) after \(p) bytes")
        #expect(try JSONParser.parse(bytes) == .object(["k": .string(text)]))
      }
    }
  }

  @Test(
    "every other spelling is refused, at the byte where it departs",
    arguments: [
      (" {}", 0), ("{} ", 2), ("[]", 0), ("\"a\"", 0), ("{\"a\": 1}", 5), ("{\"b\":1,\"a\":2}", 7), ("{\"a\":1,\"a\":2}", 7),
      ("{\"a\":1.0}", 7), ("{\"a\":01}", 6), ("{\"a\":-0}", 5), ("{\"a\":1e5}", 6), ("{\"a\":+1}", 5), ("{\"a\":1.}", 7),
      ("{\"a\":\"\\/\"}", 6), ("{\"a\":\"\\u0041\"}", 6), ("{\"a\":\"\\u001F\"}", 6), ("{\"a\":\"\\u000a\"}", 6),
      ("{\"a\":\"\u{1}\"}", 6), ("{\"a\":nul}", 8), ("{\"a\":[1,]}", 8), ("{\"a\":1", 6), ("{\"a\"}", 4),
    ] as [(String, Int)])
  func refused(text: String, offset: Int) {
    let problem = Self.problem(text)
    #expect(problem?.offset == offset, "\(text): \(String(describing: problem))")
  }

  @Test("invalid UTF-8, canonically equal keys and deep nesting are refused")
  func refusedBeyondSyntax() throws {
    #expect(CanonicalJSON.problem(in: Array("{\"a\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))?.offset == 7)
    #expect(CanonicalJSON.problem(in: Array("{\"a\":\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8)) != nil)
    // "e\u0301" and "é" are different bytes, but one key for a JSONValue (Swift strings compare canonically).
    let twins = "{\"e\u{301}\":1,\"\u{E9}\":2}"
    #expect(Self.problem(twins) != nil)
    #expect(throws: JournalError.self) { try JSONParser.parse(twins) }
    let kelvin = "{\"K\":1,\"\u{212A}\":2}"
    #expect(Self.problem(kelvin) != nil)
    #expect(throws: JournalError.self) { try JSONParser.parse(kelvin) }
    let deep = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
    #expect(Self.problem("{\"a\":" + deep + "}") != nil)
    let shallow = String(repeating: "[", count: JSONParser.maxDepth - 1) + String(repeating: "]", count: JSONParser.maxDepth - 1)
    #expect(Self.problem("{\"a\":" + shallow + "}") == nil)
  }

  /// Two keys pass in that order exactly when the first's UTF-8 bytes sort before the
  /// second's, escapes decoded (keys with and without escapes, prefixes of each other).
  @Test("keys are ordered by their decoded bytes")
  func keyOrder() {
    var rng = Seeded(seed: 0x0DE7)
    let pieces = ["a", "b", "\n", "\"", "\\", "\u{1}", "\u{1F}", "é", "z", "\u{7F}"]
    var accepted = 0
    for _ in 0..<3000 {
      let x = (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      let y = (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
      var bytes = Array("{".utf8)
      JSONValue.appendCanonicalString(x, to: &bytes)
      bytes += Array(":1,".utf8)
      JSONValue.appendCanonicalString(y, to: &bytes)
      bytes += Array(":2}".utf8)
      let less = Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
      #expect((CanonicalJSON.problem(in: bytes) == nil) == less, "\(x.debugDescription) then \(y.debugDescription)")
      if less { accepted += 1 }
    }
    #expect(accepted > 500 && accepted < 2500)
  }

  /// Bytes pass exactly when parsing them and writing them canonically gives them back.
  @Test("agrees with parse-then-encode on mutated documents")
  func agreesWithTheParser() throws {
    var rng = Seeded(seed: 0xCA_70)
    let alphabet = Array("{}[]\":,.-0159eE+ \\/u0aAtfnrlsé\u{1}".utf8)
    let base: JSONValue = ["a": [1, "x\ny", nil], "b": ["c": .number(JSONNumber(literal: "-12.5")!), "d": true], "é": ""]
    let seed = base.canonicalBytes()
    var passed = 0
    for _ in 0..<4000 {
      let bytes = rng.damaged(seed, edits: 1...3, alphabet: alphabet)
      let roundTrip = (try? JSONParser.parse(bytes)).flatMap { value -> [UInt8]? in
        guard case .object = value else { return nil }
        return value.canonicalBytes()
      }
      let expected = roundTrip == bytes
      #expect((CanonicalJSON.problem(in: bytes) == nil) == expected, "\(String(decoding: bytes, as: UTF8.self))")
      if expected { passed += 1 }
    }
    #expect(passed > 0, "some mutations are still canonical (the comparison ran both ways)")
  }
}
