import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections

/// The contract and campaign rules, checked without sorting a key's facts, name the same violation as the rules read
/// literally: facts sorted by valid day then seq, the second award (opening, closing) refused, else the first report
/// (pledge) dated outside what the award (opening and closing) allows.
@Suite("Contract and campaign rules")
struct KeyRulesTests {
  /// The rule as EVENTS.md §3 says it, over the sorted facts.
  static func literally(_ facts: [IntegrityModel.Filed], _ key: IntegrityKey) -> IntegrityViolation? {
    let all = facts.sorted { ($0.fact.day, $0.seq) < ($1.fact.day, $1.seq) }
    let awards = all.filter { $0.fact.kind == .contractAwarded }
    if awards.count > 1 {
      return IntegrityViolation(seq: awards[1].seq, day: awards[1].fact.day, key: key, detail: .awardedTwice(first: awards[0].seq))
    }
    for r in all where r.fact.kind == .hoursReported {
      guard let award = awards.first, award.fact.day <= r.fact.day else {
        return IntegrityViolation(seq: r.seq, day: r.fact.day, key: key, detail: .reportWithoutAward)
      }
    }
    return nil
  }

  /// The campaign rule as EVENTS.md §3 says it, over the sorted facts.
  static func campaignLiterally(_ facts: [IntegrityModel.Filed], _ key: IntegrityKey) -> IntegrityViolation? {
    let all = facts.sorted { ($0.fact.day, $0.seq) < ($1.fact.day, $1.seq) }
    let opens = all.filter { $0.fact.kind == .campaignOpened }
    let closes = all.filter { $0.fact.kind == .campaignClosed }
    if opens.count > 1 {
      return IntegrityViolation(seq: opens[1].seq, day: opens[1].fact.day, key: key, detail: .openedTwice(first: opens[0].seq))
    }
    if closes.count > 1 {
      return IntegrityViolation(seq: closes[1].seq, day: closes[1].fact.day, key: key, detail: .closedTwice(first: closes[0].seq))
    }
    let open = opens.first
    if let close = closes.first, open == nil || close.fact.day < open!.fact.day {
      return IntegrityViolation(seq: close.seq, day: close.fact.day, key: key, detail: .closedWithoutOpening)
    }
    for p in all where p.fact.kind == .pledgeMade {
      guard let open, open.fact.day <= p.fact.day else {
        return IntegrityViolation(seq: p.seq, day: p.fact.day, key: key, detail: .pledgeWithoutOpening)
      }
      if let close = closes.first, close.fact.day < p.fact.day {
        return IntegrityViolation(seq: p.seq, day: p.fact.day, key: key, detail: .pledgeAfterClosing(closedOn: close.fact.day))
      }
    }
    return nil
  }

  @Test func theCampaignRuleWithoutSortingNamesWhatTheSortedRuleNames() {
    var rng = Seeded(seed: 15)
    let key = IntegrityKey(.campaign, "k1")
    var outcomes: [String: Int] = [:]
    for _ in 0..<8000 {
      var facts: [IntegrityModel.Filed] = []
      var seq: UInt64 = 0
      for _ in 0..<Int.random(in: 0..<12, using: &rng) {
        seq += UInt64.random(in: 1...3, using: &rng)
        let roll = Int.random(in: 0..<12, using: &rng)
        let kind: IntegrityFact.Kind = roll == 0 ? .campaignOpened : roll == 1 ? .campaignClosed : .pledgeMade
        facts.append(.init(seq: seq, fact: IntegrityFact(kind: kind, id: "k1", day: Int32.random(in: 0..<6, using: &rng))))
      }
      var model = IntegrityModel()
      model.byKey[key] = facts
      var found: IntegrityViolation? = nil
      do throws(IntegrityViolation) { try model.check(keys: [key]) } catch { found = error }
      let expected = Self.campaignLiterally(facts, key)
      #expect(found == expected, "\(facts.map { ($0.seq, $0.fact.kind, $0.fact.day) })")
      outcomes["\(expected.map { "\($0.detail)" } ?? "none")".prefix(14).description, default: 0] += 1
    }
    // Every outcome was met: none, opened twice, closed twice, closed without opening, pledge before or after.
    #expect(outcomes.count == 6 && outcomes.values.allSatisfy { $0 > 50 }, "\(outcomes)")
  }

  @Test func onePassNamesWhatTheSortedRuleNames() {
    var rng = Seeded(seed: 14)
    let key = IntegrityKey(.contract, "c1")
    var outcomes: [String: Int] = [:]
    for _ in 0..<5000 {
      var facts: [IntegrityModel.Filed] = []
      var seq: UInt64 = 0
      for _ in 0..<Int.random(in: 0..<12, using: &rng) {
        seq += UInt64.random(in: 1...3, using: &rng)
        // Few days, so that many facts share one and the seq decides.
        let kind: IntegrityFact.Kind = Int.random(in: 0..<5, using: &rng) == 0 ? .contractAwarded : .hoursReported
        facts.append(.init(seq: seq, fact: IntegrityFact(kind: kind, id: "c1", day: Int32.random(in: 0..<4, using: &rng))))
      }
      var model = IntegrityModel()
      model.byKey[key] = facts
      var found: IntegrityViolation? = nil
      do throws(IntegrityViolation) { try model.check(keys: [key]) } catch { found = error }
      let expected = Self.literally(facts, key)
      #expect(found == expected, "\(facts.map { ($0.seq, $0.fact.kind, $0.fact.day) })")
      outcomes["\(expected.map { "\($0.detail)" } ?? "none")".prefix(12).description, default: 0] += 1
    }
    // Every outcome was met many times.
    #expect(outcomes.count == 3 && outcomes.values.allSatisfy { $0 > 300 }, "\(outcomes)")
  }
}
