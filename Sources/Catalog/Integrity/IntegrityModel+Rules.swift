import Journal

extension IntegrityModel {
  /// Checks every rule for the given index keys; the error names the event
  /// that would break and the rule.
  /// Checks the rules of each key, in the order given (the first broken one throws).
  func check(keys: some Sequence<String>) throws(Violation) {
    for key in keys {
      do {
        if key.hasPrefix("m:") {
          try checkMember(String(key.dropFirst(2)))
        } else if key.hasPrefix("c:") {
          try checkCampaign(String(key.dropFirst(2)))
        } else if key.hasPrefix("k:") {
          try checkContract(String(key.dropFirst(2)))
        }
      } catch {
        var v = error
        v.key = key
        throw v
      }
    }
  }

  func sortedFacts(_ key: String) -> [(seq: UInt64, fact: IntegrityFact)] {
    (byKey[key] ?? []).compactMap { s in facts[s].map { (s, $0) } }.sorted { ($0.fact.day, $0.seq) < ($1.fact.day, $1.seq) }
  }

  /// A rule an event would break; `seq` is that event's.
  struct Violation: Error {
    var seq: UInt64
    var error: CatalogError
    /// The index key whose rule broke.
    var key = ""
  }

  static func broken(_ rule: String, _ seq: UInt64, _ message: String) -> Violation {
    Violation(seq: seq, error: CatalogError(.ruleBroken, message, rule: rule))
  }

  func checkMember(_ id: String) throws(Violation) {
    let all = sortedFacts("m:" + id)
    var joined = false
    for (seq, f) in all where f.kind == .memberJoined || f.kind == .memberLeft {
      let d = IntegrityFact.dayString(f.day)
      if f.kind == .memberJoined && joined {
        throw Self.broken(
          "membership-alternation", seq,
          "Member '\(id)' would join on \(d) (seq \(seq)) while already a member: a member's events, by date, must alternate joined, left, joined…"
        )
      }
      if f.kind == .memberLeft && !joined {
        throw Self.broken(
          "membership-alternation", seq,
          "Member '\(id)' would leave on \(d) (seq \(seq)) without being a member then: a member's events, by date, must alternate joined, left, joined…"
        )
      }
      joined = f.kind == .memberJoined
    }
    for (seq, f) in all where f.kind == .boardElected {
      for member in f.members where !isCurrent(member, on: f.day) {
        throw Self.broken(
          "board-of-current-members", seq,
          "The board elected on \(IntegrityFact.dayString(f.day)) (seq \(seq)) would include '\(member)', who is not a member of the Pôle on that date."
        )
      }
    }
  }

  /// Current on `day`: the last membership event dated on or before `day` is a join
  /// (a member is current on the day it joins, no longer on the day it leaves).
  func isCurrent(_ id: String, on day: Int32) -> Bool {
    var current = false
    for (_, f) in sortedFacts("m:" + id) where f.day <= day {
      if f.kind == .memberJoined { current = true } else if f.kind == .memberLeft { current = false }
    }
    return current
  }

  func checkCampaign(_ id: String) throws(Violation) {
    let all = sortedFacts("c:" + id)
    let opens = all.filter { $0.fact.kind == .campaignOpened }
    let closes = all.filter { $0.fact.kind == .campaignClosed }
    if opens.count > 1 {
      throw Self.broken(
        "campaign-opens-once", opens[1].seq,
        "Campaign '\(id)' would be opened twice (seq \(opens[0].seq) and seq \(opens[1].seq)); a campaign opens once.")
    }
    if closes.count > 1 {
      throw Self.broken(
        "campaign-closes-once", closes[1].seq,
        "Campaign '\(id)' would be closed twice (seq \(closes[0].seq) and seq \(closes[1].seq)); a campaign closes once.")
    }
    let open = opens.first
    if let close = closes.first, open == nil || close.fact.day < open!.fact.day {
      throw Self.broken(
        "campaign-closed-after-opening", close.seq,
        "Campaign '\(id)' would be closed on \(IntegrityFact.dayString(close.fact.day)) (seq \(close.seq)) without being opened on or before that date."
      )
    }
    for (seq, p) in all where p.kind == .pledgeMade {
      let d = IntegrityFact.dayString(p.day)
      guard let open, open.fact.day <= p.day else {
        throw Self.broken(
          "pledge-in-open-campaign", seq,
          "The pledge of \(d) (seq \(seq)) would be made to campaign '\(id)', which is not open on that date (no opening on or before it).")
      }
      if let close = closes.first, close.fact.day < p.day {
        throw Self.broken(
          "pledge-in-open-campaign", seq,
          "The pledge of \(d) (seq \(seq)) would be made to campaign '\(id)' after it closed on \(IntegrityFact.dayString(close.fact.day))."
        )
      }
    }
  }

  func checkContract(_ id: String) throws(Violation) {
    let all = sortedFacts("k:" + id)
    let awards = all.filter { $0.fact.kind == .contractAwarded }
    if awards.count > 1 {
      throw Self.broken(
        "contract-awarded-once", awards[1].seq,
        "Contract '\(id)' would be awarded twice (seq \(awards[0].seq) and seq \(awards[1].seq)); use a new contractId for a new contract.")
    }
    for (seq, r) in all where r.kind == .hoursReported {
      guard let award = awards.first, award.fact.day <= r.day else {
        throw Self.broken(
          "report-for-awarded-contract", seq,
          "The insertion-hours report of \(IntegrityFact.dayString(r.day)) (seq \(seq)) would be for contract '\(id)', which is not awarded on or before that date."
        )
      }
    }
  }
}
