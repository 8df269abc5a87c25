import TestSupport
import Testing

@testable import Journal

/// ``JSONParser/parseMembers(_:keepingCanonical:)``: an import line's `data` encoded
/// from its bytes must be what parsing it and encoding it gives, and every
/// other line must be read or refused exactly as ``JSONParser/parseMembers(_:)`` does.
@Suite("An envelope's data encoded from its bytes")
struct CanonicalMemberTests {
  /// Both readings of one line: the fast one's data and members, or its error; the same for the parser's.
  struct Readings {
    var fast: Result<(members: [(key: String, value: JSONValue)], canonical: [UInt8]?), JournalError>
    var parsed: Result<[(key: String, value: JSONValue)], JournalError>

    init(_ bytes: [UInt8]) {
      fast = bytes.withUnsafeBufferPointer { b in
        Result { () throws(JournalError) in try JSONParser.parseMembers(b, keepingCanonical: "data") }
      }
      parsed = bytes.withUnsafeBufferPointer { b in Result { () throws(JournalError) in try JSONParser.parseMembers(b) } }
    }
  }

  /// Checks that the two readings agree; returns whether the data was encoded from its bytes.
  @discardableResult
  static func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let r = Readings(bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    switch (r.fast, r.parsed) {
    case (.failure(let a), .failure(let b)):
      #expect(a.message == b.message && a.location == b.location, "\(text)", sourceLocation: sourceLocation)
      return false
    case (.success(let fast), .success(let parsed)):
      #expect(fast.members.map(\.key) == parsed.map(\.key), "\(text)", sourceLocation: sourceLocation)
      for (f, p) in zip(fast.members, parsed) {
        if f.key == "data", let canonical = fast.canonical {
          #expect(f.value == .null, sourceLocation: sourceLocation)
          #expect(canonical == p.value.canonicalBytes(), "\(text)", sourceLocation: sourceLocation)
          #expect(CanonicalJSON.problem(in: canonical) == nil, "\(text)", sourceLocation: sourceLocation)
        } else {
          #expect(f.value == p.value, "\(text): \(f.key)", sourceLocation: sourceLocation)
        }
      }
      if fast.canonical != nil {
        #expect(parsed.contains { $0.key == "data" }, sourceLocation: sourceLocation)
      }
      return fast.canonical != nil
    default:
      Issue.record("one reading failed, the other did not: \(text)", sourceLocation: sourceLocation)
      return false
    }
  }

  static func line(_ data: String) -> [UInt8] { Array(#"{"type":"t","data":\#(data),"author":"a"}"#.utf8) }

  @Test("members in any order and spaces around them give the canonical bytes")
  func reorderedAndSpaced() throws {
    let cases = [
      #"{"b":1,"a":"x"}"#, #"{ "b" : 1 , "a" : "x" }"#, "{\n\t\"b\":1,\r\n\"a\":\"x\"\n}", #"{"a":"x","b":1}"#,
    ]
    for data in cases {
      #expect(Self.expectAgreement(Self.line(data)), "\(data)")
      let r = Readings(Self.line(data))
      #expect(try r.fast.get().canonical == Array(#"{"a":"x","b":1}"#.utf8))
    }
    #expect(Self.expectAgreement(Self.line("{}")))
    #expect(Self.expectAgreement(Self.line(#"{"z":{"b":[1,{"c":null}]},"é":"\u00e9"}"#)) == false, "a \\u escape of é is not canonical")
    #expect(Self.expectAgreement(Self.line(#"{"z":{"b":[1,{"c":null}]},"é":"é","e":true}"#)))
  }

  @Test(
    "values not written canonically are parsed as before",
    arguments: [
      #"{"a":1.0}"#, #"{"a":1e3}"#, #"{"a":[1, 2]}"#, #"{"a":{"c":1,"b":2}}"#, #"{"a":"\/"}"#, #"{"a":-0}"#, #"[1]"#, #""x""#, "null",
    ])
  func nonCanonicalValues(data: String) {
    #expect(Self.expectAgreement(Self.line(data)) == false)
  }

  @Test(
    "a repeated key, in the data or in the envelope, is refused as before",
    arguments: [
      #"{"a":1,"a":2}"#, #"{"b":1,"a":2,"b":3}"#, "{\"e\u{301}\":1,\"\u{E9}\":2}", "{\"K\":1,\"\u{212A}\":2}",
    ])
  func repeatedKeys(data: String) {
    #expect(Self.expectAgreement(Self.line(data)) == false)
    let twice = Array(#"{"data":{"a":1},"data":{"b":2}}"#.utf8)
    #expect(Self.expectAgreement(twice) == false)
  }

  @Test("nesting is counted from the envelope, as the parser counts it")
  func depth() {
    for levels in [JSONParser.maxDepth - 3, JSONParser.maxDepth - 2, JSONParser.maxDepth - 1] {
      let deep = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
      Self.expectAgreement(Self.line(#"{"a":\#(deep)}"#))
    }
    let fits = String(repeating: "[", count: JSONParser.maxDepth - 2) + String(repeating: "]", count: JSONParser.maxDepth - 2)
    #expect(Self.expectAgreement(Self.line(#"{"a":\#(fits)}"#)))
    let over = String(repeating: "[", count: JSONParser.maxDepth - 1) + String(repeating: "]", count: JSONParser.maxDepth - 1)
    #expect(Self.expectAgreement(Self.line(#"{"a":\#(over)}"#)) == false)
    if case .success = Readings(Self.line(#"{"a":\#(over)}"#)).parsed { Issue.record("nesting beyond the limit was read") }
  }

  /// Random damage to lines whose data is written in several layouts: both readings always agree.
  @Test("agrees with the parser on mutated lines")
  func mutations() {
    var rng = Seeded(seed: 0xDA7A)
    let alphabet = Array("{}[]\":,.-0159eE+ \t\n\\/u0aAtfnrlsé\u{1}".utf8)
    let seeds = [
      #"{"type":"x","data":{"contractId":"c1","insertionHours":12,"trainingHours":3},"author":"a"}"#,
      #"{"data": { "b" : [1,null,true], "a" : {"y":"z\n","x":{}} , "é":-12.5 },"type":"x"}"#,
      #"{"type":"x","author":"a","data":{"k":"quote \" tab \t","j":0.25,"i":false}}"#,
    ].map { Array($0.utf8) }
    var encoded = 0
    var parsed = 0
    for n in 0..<6000 {
      let bytes = rng.damaged(seeds[n % seeds.count], edits: 0...2, alphabet: alphabet)
      if Self.expectAgreement(bytes) { encoded += 1 } else { parsed += 1 }
    }
    #expect(encoded > 500 && parsed > 500, "both paths ran: \(encoded) encoded, \(parsed) parsed or refused")
  }

  @Test("a canonical value is read as the parser reads it")
  func canonicalValues() throws {
    let values: [JSONValue] = [
      1, .number(JSONNumber(literal: "-12.5")!), .number(JSONNumber(literal: "123456789012345678901234567890")!), true, false, "", "plain",
      "é😀",
      "quote \" slash \\", [1, "a"], ["k": nil],
    ]
    for value in values {
      let bytes = value.canonicalBytes()
      #expect(bytes.withUnsafeBufferPointer { JSONParser.value(canonical: $0) } == value, "\(value.canonicalString)")
    }
    for text in ["tru", "falsy", "1x", #""a"#, ""] {
      #expect(Array(text.utf8).withUnsafeBufferPointer { JSONParser.value(canonical: $0) } == nil, "\(text)")
    }
  }
}
