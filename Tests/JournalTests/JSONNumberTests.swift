import Journal
import Testing

@Suite("JSONNumber")
struct JSONNumberTests {
  static let zeros62 = String(repeating: "0", count: 62)

  /// (literal, canonical text)
  static let normalisation: [(String, String)] = [
    ("0", "0"),
    ("-0", "0"),
    ("-0.0", "0"),
    ("0.000", "0"),
    ("-0e0", "0"),
    ("0e10", "0"),
    ("0e-10", "0"),
    ("0e99999999999999999999", "0"),
    ("1.50", "1.5"),
    ("10.10", "10.1"),
    ("100", "100"),
    ("100e-2", "1"),
    ("1.000", "1"),
    ("1e3", "1000"),
    ("1E3", "1000"),
    ("1e+3", "1000"),
    ("1e-0", "1"),
    ("2.5E-2", "0.025"),
    ("-2.5e-2", "-0.025"),
    ("123.456e1", "1234.56"),
    ("123.456e3", "123456"),
    ("123.456e-5", "0.00123456"),
    ("-12.3400e2", "-1234"),
    ("0.1e1", "1"),
    ("0.01e1", "0.1"),
    ("12e-1", "1.2"),
    ("0.000001", "0.000001"),
    ("-0.5", "-0.5"),
    ("9223372036854775807", "9223372036854775807"),
    ("1e63", "1" + String(repeating: "0", count: 63)),
    ("1e-63", "0." + zeros62 + "1"),
    ("1" + String(repeating: "0", count: 100) + "e-100", "1"),
    ("0." + String(repeating: "0", count: 100) + "1e101", "1"),
    ("-" + String(repeating: "9", count: 64), "-" + String(repeating: "9", count: 64)),
  ]

  @Test("normalises literals", arguments: normalisation)
  func normalises(literal: String, canonical: String) throws {
    let number = try #require(JSONNumber(literal: literal))
    #expect(number.text == canonical)
    #expect(number.description == canonical)
    // Canonical text is a fixed point.
    #expect(JSONNumber(literal: canonical)?.text == canonical)
  }

  static let rejected: [String] = [
    "", "-", "+1", "01", "-01", "00", "1.", ".5", "1e", "1e+", "1e-", "0x10", "NaN", "Infinity",
    "-Infinity", " 1", "1 ", "1.5.2", "1_000", "١", "1e3.5", "--1", "1,5", "0.e1", "1ee3",
    // Canonical form too long: more than 64 digits.
    "1e64", "1e-64", "1e1000000", "-1e1000000", "1e-1000000", "1e99999999999999999999999",
    String(repeating: "9", count: 65), "0." + String(repeating: "1", count: 64),
  ]

  @Test("rejects non-JSON literals and oversized values", arguments: rejected)
  func rejects(literal: String) {
    #expect(JSONNumber(literal: literal) == nil)
  }

  @Test("accepts a Substring literal")
  func substring() {
    let source = "[2.50]"
    let inner = source.dropFirst().dropLast()
    #expect(JSONNumber(literal: inner)?.text == "2.5")
  }

  @Test("init from Int64")
  func fromInt64() {
    #expect(JSONNumber(0).text == "0")
    #expect(JSONNumber(-1).text == "-1")
    #expect(JSONNumber(Int64.max).text == "9223372036854775807")
    #expect(JSONNumber(Int64.min).text == "-9223372036854775808")
  }

  @Test("int64Value")
  func int64Value() {
    #expect(JSONNumber(literal: "9223372036854775807")?.int64Value == .max)
    #expect(JSONNumber(literal: "-9223372036854775808")?.int64Value == .min)
    #expect(JSONNumber(literal: "9223372036854775808")?.int64Value == nil)
    #expect(JSONNumber(literal: "-9223372036854775809")?.int64Value == nil)
    #expect(JSONNumber(literal: "1.5")?.int64Value == nil)
    #expect(JSONNumber(literal: "1e3")?.int64Value == 1000)
    #expect(JSONNumber(literal: "-0")?.int64Value == 0)
    for value: Int64 in [0, 1, -1, 42, -987_654_321, .max, .min] {
      #expect(JSONNumber(value).int64Value == value)
    }
  }

  @Test("isInteger, isNegative, fractionDigits")
  func properties() throws {
    let cases: [(String, Bool, Bool, Int)] = [
      ("0", true, false, 0), ("-0.0", true, false, 0), ("-12", true, true, 0),
      ("1.25", false, false, 2), ("-0.001", false, true, 3), ("1e-3", false, false, 3),
      ("4.2e1", true, false, 0),
    ]
    for (literal, isInteger, isNegative, fractionDigits) in cases {
      let number = try #require(JSONNumber(literal: literal))
      #expect(number.isInteger == isInteger, "\(literal)")
      #expect(number.isNegative == isNegative, "\(literal)")
      #expect(number.fractionDigits == fractionDigits, "\(literal)")
    }
  }

  @Test("scaled(by:)")
  func scaled() throws {
    let cases: [(String, Int, Int64?)] = [
      ("426.5", 2, 42650), ("1.234", 2, nil), ("1.234", 3, 1234), ("1.234", 5, 123_400),
      ("-0.05", 2, -5), ("-0.05", 1, nil), ("4200", -2, 42), ("4250", -2, nil), ("5", -1, nil),
      ("0", 100, 0), ("0", Int.min, 0), ("0", Int.max, 0), ("1", 18, 1_000_000_000_000_000_000),
      ("1", 19, nil), ("1", Int.max, nil), ("1", Int.min, nil),
      ("9.223372036854775807", 18, .max), ("-9.223372036854775808", 18, .min),
      ("9.223372036854775808", 18, nil), ("12", 0, 12),
    ]
    for (literal, power, expected) in cases {
      let number = try #require(JSONNumber(literal: literal))
      #expect(number.scaled(by: power) == expected, "\(literal) × 10^\(power)")
    }
  }

  @Test("init(scaledInteger:scale:)")
  func scaledInteger() {
    #expect(JSONNumber(scaledInteger: 42650, scale: 2)?.text == "426.5")
    #expect(JSONNumber(scaledInteger: 0, scale: 5)?.text == "0")
    #expect(JSONNumber(scaledInteger: 0, scale: .min)?.text == "0")
    #expect(JSONNumber(scaledInteger: -5, scale: 2)?.text == "-0.05")
    #expect(JSONNumber(scaledInteger: 42, scale: -2)?.text == "4200")
    #expect(JSONNumber(scaledInteger: .min, scale: 0)?.text == "-9223372036854775808")
    #expect(JSONNumber(scaledInteger: 1, scale: 63)?.text == "0." + Self.zeros62 + "1")
    #expect(JSONNumber(scaledInteger: 1, scale: 64) == nil)
    #expect(JSONNumber(scaledInteger: 1, scale: .min) == nil)
    #expect(JSONNumber(scaledInteger: 1, scale: -64) == nil)
  }

  @Test("scaledInteger and scaled(by:) round-trip")
  func roundTrip() throws {
    let values: [Int64] = [0, 1, -1, 7, 10, -100, 42650, 123_456_789, .max, .min, .max - 1, .min + 1]
    for value in values {
      for scale in -3...18 {
        guard let number = JSONNumber(scaledInteger: value, scale: scale) else {
          Issue.record("no number for \(value) scale \(scale)")
          continue
        }
        #expect(number.scaled(by: scale) == value, "\(value) scale \(scale) -> \(number.text)")
        // And back through the literal syntax.
        #expect(JSONNumber(literal: number.text) == number)
      }
    }
  }

  @Test("equality and hashing are by value")
  func equality() throws {
    let spellings = ["1.5", "1.50", "15e-1", "0.15E+1", "150e-2"]
    let numbers = try spellings.map { try #require(JSONNumber(literal: $0)) }
    #expect(Set(numbers).count == 1)
    #expect(numbers.allSatisfy { $0 == numbers[0] })
    #expect(JSONNumber(literal: "1.5") != JSONNumber(literal: "1.05"))
    #expect(JSONNumber(literal: "-0") == JSONNumber(0))
  }
}
