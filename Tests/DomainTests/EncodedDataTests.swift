import Journal
import TestSupport
import Testing

@testable import Domain

/// ``DomainEvent/canonical(encoded:)``: data checked from its canonical bytes
/// must pass, and fail with the same error, exactly as the same data checked
/// as a ``JSONValue``.
@Suite("Event data checked from its bytes")
struct EncodedDataTests {
  /// Values that break one rule or another, for every kind of field.
  static let oddValues: [JSONValue] = [
    nil, true, 0, -1, 1, .number(JSONNumber(literal: "1.5")!), 2030, 1899, .number(JSONNumber(literal: "12.345")!),
    .number(JSONNumber(literal: "123456789012345678901234567890")!), "", "  ", "a\u{1}b", "x", "Ville", "ville",
    "2022-02-30", "2022-06-30", "2022-06-30T10:00:00+02:00", "W671234567", "21670482500019", "12345678901234", "citizen",
    "UPPER", .string(String(repeating: "é", count: 300)), [], ["a", "a"], ["m1", "m2"], [["scheme": "RNA", "id": "W671234567"]],
    [:], ["k": 1],
  ]

  @Test("same bytes or same error as the JSONValue path, for every type and many damaged data")
  func agreesWithTheValuePath() throws {
    var rng = Seeded(seed: 0xF1E1D)
    var fast = 0
    var refused = 0
    for kind in EventKind.allCases {
      let type = kind.eventType
      for _ in 0..<150 {
        guard case .object(var members) = RandomHistory.data(kind.rawValue, &rng) else {
          Issue.record("no sample data for \(kind.rawValue)")
          continue
        }
        let names = type.fields.map(\.name)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: break
        case 1: if let name = members.keys.randomElement(using: &rng) { members[name] = nil }
        case 2: members[names.randomElement(using: &rng)!] = Self.oddValues.randomElement(using: &rng)!
        case 3: members["unknownField"] = 1
        case 4: members[names.randomElement(using: &rng)!] = .null
        default:
          members[names.randomElement(using: &rng)!] = Self.oddValues.randomElement(using: &rng)!
          members[names.randomElement(using: &rng)!] = Self.oddValues.randomElement(using: &rng)!
        }
        let value = JSONValue.object(members)
        let bytes = value.canonicalBytes()
        let expected = Result { () throws(DomainError) in try type.canonical(value) }
        let got = Result { () throws(DomainError) in try type.canonical(encoded: bytes) }
        switch (expected, got) {
        case (.success(let a), .success(let b)): #expect(a == b, "\(kind.rawValue) \(value.canonicalString)")
        case (.failure(let a), .failure(let b)):
          #expect(a == b, "\(kind.rawValue) \(value.canonicalString)")
          refused += 1
        default: Issue.record("\(kind.rawValue) \(value.canonicalString): \(expected) against \(got)")
        }
        let passes = bytes.withUnsafeBufferPointer { FieldCheck.passes(canonical: $0, against: type.fields) }
        let checks = (try? FieldCheck.check(value, against: type.fields)) != nil
        if passes {
          #expect(checks, "the fast path let through \(kind.rawValue) \(value.canonicalString)")
          fast += 1
        } else if checks && !members.values.contains(.null) {
          Issue.record("the fast path gave up on valid data without a null: \(kind.rawValue) \(value.canonicalString)")
        }
      }
    }
    #expect(fast > 500 && refused > 500, "both outcomes ran: \(fast) passed from the bytes, \(refused) refused")
  }

  @Test("valid bytes come back as they are")
  func validBytes() {
    #expect((try? BooksDonationCounted.canonical(encoded: Array(#"{"books":4265}"#.utf8))) == Array(#"{"books":4265}"#.utf8))
  }

  /// Members are matched to their specs by name, whatever its length: names that share their first 16
  /// bytes or their length are told apart, and a name that is not a field's fails the fast path.
  @Test func membersFindTheirFieldByName() {
    let names = ["a", "b", "ab", "contractIdentif", "contractIdentifi", "contractIdentifie", "contractIdentifierX", "contractIdentifierY"]
    let specs = names.map { FieldSpec(name: $0, kind: .count, required: true, help: "") }
    func passes(_ keys: [String]) -> Bool {
      let data = JSONValue.object(
        Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, .number(JSONNumber(Int64($0.offset + 1)))) }))
      return data.canonicalBytes().withUnsafeBufferPointer { FieldCheck.passes(canonical: $0, against: specs) }
    }
    #expect(passes(names))
    for missing in names.indices {
      #expect(!passes(names.enumerated().filter { $0.offset != missing }.map(\.element)), "\(names[missing]) is required")
    }
    for stranger in ["c", "ba", "contractIdentifiez", "contractIdentifierZ", "contractIdentifierXY", "contractIdentifie\u{e9}"] {
      #expect(!passes(names + [stranger]), "\(stranger) is no field")
    }
    var renamed = specs[0]
    renamed.name = "contractIdentifierZ"
    #expect(renamed.nameKey == FieldSpec.NameKey("contractIdentifierZ"))
    #expect(
      Array(#"{"contractIdentifierZ":1}"#.utf8).withUnsafeBufferPointer { FieldCheck.passes(canonical: $0, against: [renamed]) })
  }
}
