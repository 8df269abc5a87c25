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

  /// Offers `lists` random fact lists of `key` (kinds drawn by `kind`, on `days` days, so that many facts share one
  /// and the seq decides) to the model's check and to `literally`; returns how often each outcome came, by its
  /// detail's first `width` characters.
  static func compare(
    seed: UInt64, lists: Int, key: IntegrityKey, days: Int32, width: Int, kind: (inout Seeded) -> IntegrityFact.Kind,
    literally: ([IntegrityModel.Filed], IntegrityKey) -> IntegrityViolation?
  ) -> [String: Int] {
    var rng = Seeded(seed: seed)
    var outcomes: [String: Int] = [:]
    for _ in 0..<lists {
      var facts: [IntegrityModel.Filed] = []
      var seq: UInt64 = 0
      for _ in 0..<Int.random(in: 0..<12, using: &rng) {
        seq += UInt64.random(in: 1...3, using: &rng)
        let k = kind(&rng)
        facts.append(.init(seq: seq, fact: IntegrityFact(kind: k, id: key.id, day: Int32.random(in: 0..<days, using: &rng))))
      }
      var model = IntegrityModel()
      model.byKey[key] = facts
      var found: IntegrityViolation? = nil
      do throws(IntegrityViolation) { try model.check(keys: [key]) } catch { found = error }
      let expected = literally(facts, key)
      #expect(found == expected, "\(facts.map { ($0.seq, $0.fact.kind, $0.fact.day) })")
      outcomes["\(expected.map { "\($0.detail)" } ?? "none")".prefix(width).description, default: 0] += 1
    }
    return outcomes
  }

  @Test func theCampaignRuleWithoutSortingNamesWhatTheSortedRuleNames() {
    let outcomes = Self.compare(seed: 15, lists: 8000, key: IntegrityKey(.campaign, "k1"), days: 6, width: 14) { rng in
      let roll = Int.random(in: 0..<12, using: &rng)
      return roll == 0 ? .campaignOpened : roll == 1 ? .campaignClosed : .pledgeMade
    } literally: {
      Self.campaignLiterally($0, $1)
    }
    // Every outcome was met: none, opened twice, closed twice, closed without opening, pledge before or after.
    #expect(outcomes.count == 6 && outcomes.values.allSatisfy { $0 > 50 }, "\(outcomes)")
  }

  @Test func onePassNamesWhatTheSortedRuleNames() {
    let outcomes = Self.compare(seed: 14, lists: 5000, key: IntegrityKey(.contract, "c1"), days: 4, width: 12) { rng in
      Int.random(in: 0..<5, using: &rng) == 0 ? .contractAwarded : .hoursReported
    } literally: {
      Self.literally($0, $1)
    }
    // Every outcome was met many times.
    #expect(outcomes.count == 3 && outcomes.values.allSatisfy { $0 > 300 }, "\(outcomes)")
  }
}
