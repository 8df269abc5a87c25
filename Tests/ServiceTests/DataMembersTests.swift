import Domain
import Journal
import TestSupport
import Testing

@testable import Service

/// `canonical(members:)`, the import's path that encodes `data` from its members in the order written, against
/// `canonical(_:)` on the same object: the same bytes, or the same refusal, for every seed event and thousands of
/// random changes of them (members dropped, nulled, swapped between fields, unknown, reordered).
@Suite struct DataMembersTests {
  /// What a call gave: its bytes, or its error as the user reads it.
  enum Outcome: Equatable {
    case bytes([UInt8])
    case refused(String, String?)
  }

  static func outcome(_ body: () throws(DomainError) -> [UInt8]) -> Outcome {
    do throws(DomainError) {
      return .bytes(try body())
    } catch {
      return .refused(error.message, error.field)
    }
  }

  @Test func theMembersPathGivesTheSameBytesOrTheSameRefusal() throws {
    let seed = try SeedHistory.events()
    var rng = Seeded(seed: 2026_1207)
    var compared = 0
    var accepted = 0
    let strangers: [JSONValue] = [
      .null, .bool(true), .number(JSONNumber(Int64(-3))), .string(""), .string("=1+1"), .array([]), .object([:]),
    ]
    for event in seed {
      let kind = try EventCatalog.kind(named: event.type)
      guard case .object(let original) = event.data else { continue }
      for round in 0..<12 {
        var members = original.map { (key: $0.key, value: $0.value) }
        if round > 0 {
          for _ in 0..<Int.random(in: 1...3, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !members.isEmpty: members.remove(at: Int.random(in: members.indices, using: &rng))
            case 1 where !members.isEmpty: members[Int.random(in: members.indices, using: &rng)].value = .null
            case 2 where members.count > 1:
              let a = Int.random(in: members.indices, using: &rng)
              let b = Int.random(in: members.indices, using: &rng)
              (members[a].value, members[b].value) = (members[b].value, members[a].value)
            case 3: members.append((key: ["bokks", "zz", "Amount", ""].randomElement(using: &rng)!, value: .number(JSONNumber(Int64(1)))))
            case 4 where !members.isEmpty:
              members[Int.random(in: members.indices, using: &rng)].value = strangers.randomElement(using: &rng)!
            default: break
            }
          }
        }
        members.shuffle(using: &rng)
        var object: [String: JSONValue] = [:]
        for (key, value) in members { object[key] = value }
        let unique = object.count == members.count
        guard unique else { continue }
        let viaMembers = Self.outcome { () throws(DomainError) in try kind.eventType.canonical(members: members) }
        let viaObject = Self.outcome { () throws(DomainError) in try kind.eventType.canonical(.object(object)) }
        #expect(viaMembers == viaObject, "\(event.type) \(members)")
        compared += 1
        if case .bytes = viaMembers { accepted += 1 }
      }
    }
    // Both paths were exercised: many accepted, many refused.
    #expect(compared > 5000 && accepted > 1000 && compared - accepted > 1000, "\(compared) compared, \(accepted) accepted")
  }

  /// A whole line through the import's parser: the same event as the parser that builds `data` whole.
  @Test func anImportLineGivesTheSameEventEitherWay() throws {
    let line = Array(
      #"{"type":"books.donation-counted","occurredOn":"2022-12-31","author":"c.muller","data":{"site":null,"books":4265}}"#.utf8)
    try line.withUnsafeBufferPointer { b in
      var members: [(key: String, value: JSONValue)]? = nil
      let parted = try ImportLine.parse(b, line: 1, dataMembers: &members)
      #expect(members?.map(\.key) == ["site", "books"])
      let fast = try Ledger.normalize(parted, dataMembers: members)
      let whole = try Ledger.normalize(try ImportLine.parse(b, line: 1))
      #expect(fast == whole && fast.canonicalData == Array(#"{"books":4265}"#.utf8))
    }
  }
}
