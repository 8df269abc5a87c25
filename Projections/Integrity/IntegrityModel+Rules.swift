import Journal

extension IntegrityModel {
  /// Checks every rule of each key, in the order given.
  /// - Throws: the first ``IntegrityViolation`` found.
  public func check(keys: some Sequence<IntegrityKey>) throws(IntegrityViolation) {
    for key in keys {
      switch key.subject {
      case .member: try checkMember(key)
      case .campaign: try checkCampaign(key)
      case .contract: try checkContract(key)
      }
    }
  }

  /// The facts of `key` by valid day, then seq (the key must have been loaded: ``load(checking:base:)``).
  func sortedFacts(_ key: IntegrityKey) -> [(seq: UInt64, fact: IntegrityFact)] {
    (byKey[key] ?? []).map { ($0.seq, $0.fact) }.sorted { ($0.fact.day, $0.seq) < ($1.fact.day, $1.seq) }
  }

  func checkMember(_ key: IntegrityKey) throws(IntegrityViolation) {
    let all = sortedFacts(key)
    var joined = false
    for (seq, f) in all where f.kind == .memberJoined || f.kind == .memberLeft {
      if f.kind == .memberJoined && joined {
        throw IntegrityViolation(seq: seq, day: f.day, key: key, detail: .joinWhileMember)
      }
      if f.kind == .memberLeft && !joined {
        throw IntegrityViolation(seq: seq, day: f.day, key: key, detail: .leaveWithoutMembership)
      }
      joined = f.kind == .memberJoined
    }
    for (seq, f) in all where f.kind == .boardElected {
      for member in f.members where !isCurrent(IntegrityKey(.member, member), on: f.day) {
        throw IntegrityViolation(seq: seq, day: f.day, key: key, detail: .boardWithNonMember(member))
      }
    }
  }

  /// Current on `day`: the last membership event dated on or before `day` is a join
  /// (a member is current on the day it joins, no longer on the day it leaves).
  func isCurrent(_ member: IntegrityKey, on day: Int32) -> Bool {
    var current = false
    for (_, f) in sortedFacts(member) where f.day <= day {
      if f.kind == .memberJoined { current = true } else if f.kind == .memberLeft { current = false }
    }
    return current
  }

  func checkCampaign(_ key: IntegrityKey) throws(IntegrityViolation) {
    let all = sortedFacts(key)
    let opens = all.filter { $0.fact.kind == .campaignOpened }
    let closes = all.filter { $0.fact.kind == .campaignClosed }
    if opens.count > 1 {
      throw IntegrityViolation(seq: opens[1].seq, day: opens[1].fact.day, key: key, detail: .openedTwice(first: opens[0].seq))
    }
    if closes.count > 1 {
      throw IntegrityViolation(seq: closes[1].seq, day: closes[1].fact.day, key: key, detail: .closedTwice(first: closes[0].seq))
    }
    let open = opens.first
    if let close = closes.first, open == nil || close.fact.day < open!.fact.day {
      throw IntegrityViolation(seq: close.seq, day: close.fact.day, key: key, detail: .closedWithoutOpening)
    }
    for (seq, p) in all where p.kind == .pledgeMade {
      guard let open, open.fact.day <= p.day else {
        throw IntegrityViolation(seq: seq, day: p.day, key: key, detail: .pledgeWithoutOpening)
      }
      if let close = closes.first, close.fact.day < p.day {
        throw IntegrityViolation(seq: seq, day: p.day, key: key, detail: .pledgeAfterClosing(closedOn: close.fact.day))
      }
    }
  }

  func checkContract(_ key: IntegrityKey) throws(IntegrityViolation) {
    let all = sortedFacts(key)
    let awards = all.filter { $0.fact.kind == .contractAwarded }
    if awards.count > 1 {
      throw IntegrityViolation(seq: awards[1].seq, day: awards[1].fact.day, key: key, detail: .awardedTwice(first: awards[0].seq))
    }
    for (seq, r) in all where r.kind == .hoursReported {
      guard let award = awards.first, award.fact.day <= r.day else {
        throw IntegrityViolation(seq: seq, day: r.day, key: key, detail: .reportWithoutAward)
      }
    }
  }
}
