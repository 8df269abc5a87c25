import Journal
import TestSupport
import Testing

@testable import Domain

/// ``FieldKind/passes(canonical:)``: whenever it decides from the bytes, it
/// decides as ``FieldKind/check(_:field:)`` does on the value they write.
@Suite("Field rules decided from canonical bytes")
struct FieldKindCanonicalTests {
  static let kinds: [FieldKind] = [.count, .positiveCount, .seq, .year, .slug]

  /// Numbers at and around every bound, and random ones of every length, signed, with fractions.
  static func numbers(_ rng: inout Seeded) -> [JSONValue] {
    var literals = ["0", "1", "-1", "2", "1899", "1900", "1901", "2099", "2100", "2101", "-0", "1.5", "2.0", "1e3"]
    literals += ["999999999999999999", "1000000000000000000", "9223372036854775807", "9223372036854775808"]
    for _ in 0..<400 {
      let digits = Int.random(in: 1...22, using: &rng)
      var text = String(Int.random(in: 1...9, using: &rng))
      for _ in 1..<digits { text += String(Int.random(in: 0...9, using: &rng)) }
      if Int.random(in: 0..<5, using: &rng) == 0 { text = "-" + text }
      if Int.random(in: 0..<7, using: &rng) == 0 { text += "." + String(Int.random(in: 1...99, using: &rng)) }
      literals.append(text)
    }
    return literals.compactMap { JSONNumber(literal: $0).map(JSONValue.number) }
  }

  /// Texts of slug characters and others (capitals, spaces, accents, quotes, controls), 0 to 70 long.
  static func texts(_ rng: inout Seeded) -> [JSONValue] {
    let alphabet = Array("abcxyz0189-._-._ABZ é\"\\\u{1}/")
    var texts = ["", "a", "-a", "a-", ".a", "_", "9", String(repeating: "a", count: 64), String(repeating: "a", count: 65)]
    for _ in 0..<600 {
      let count = Int.random(in: 0...70, using: &rng)
      let slugOnly = Int.random(in: 0..<2, using: &rng) == 0
      texts.append(
        String((0..<count).map { _ in slugOnly ? alphabet[Int.random(in: 0..<16, using: &rng)] : alphabet.randomElement(using: &rng)! }))
    }
    return texts.map(JSONValue.string) + [true, nil, [], ["a"]]
  }

  @Test func decidesAsTheValueCheck() {
    var rng = Seeded(seed: 0xB17E5)
    let values = Self.numbers(&rng) + Self.texts(&rng)
    var decided = 0
    var passed = 0
    for kind in Self.kinds {
      for value in values {
        let bytes = value.canonicalBytes()
        guard let passes = bytes.withUnsafeBufferPointer({ kind.passes(canonical: $0) }) else { continue }
        decided += 1
        let checked = (try? kind.check(value, field: nil)) != nil
        #expect(passes == checked, "\(kind.label): \(String(decoding: bytes, as: UTF8.self))")
        if passes { passed += 1 }
      }
    }
    #expect(decided > 1000 && passed > 300 && decided - passed > 300, "both answers given: \(passed) of \(decided)")
  }

  /// The byte check against the pattern it implements, `[a-z0-9][a-z0-9._-]{0,63}`, as a regex.
  @Test func slugsMatchTheirPattern() {
    var rng = Seeded(seed: 0x5106)
    var valid = 0
    for case .string(let text) in Self.texts(&rng) {
      let expected = text.wholeMatch(of: /[a-z0-9][a-z0-9._\-]{0,63}/) != nil
      #expect(Slug.isValid(text) == expected, "\(text.debugDescription)")
      if expected { valid += 1 }
    }
    #expect(valid > 100)
  }
}
