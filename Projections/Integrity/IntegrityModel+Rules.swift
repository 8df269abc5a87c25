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

  /// At most one award; every report on or after it. By valid day, then seq: the second award is
  /// refused, naming the first; else the first report dated before the award (or with none). One pass
  /// without sorting, since a contract gathers hundreds of reports: only the two first awards and the
  /// first report can be named, and if the first report is not before the award, no report is.
  func checkContract(_ key: IntegrityKey) throws(IntegrityViolation) {
    func before(_ a: Filed, _ b: Filed) -> Bool { (a.fact.day, a.seq) < (b.fact.day, b.seq) }
    var firstAward: Filed? = nil
    var secondAward: Filed? = nil
    var firstReport: Filed? = nil
    for filed in byKey[key] ?? [] {
      switch filed.fact.kind {
      case .contractAwarded:
        if firstAward == nil || before(filed, firstAward!) {
          secondAward = firstAward
          firstAward = filed
        } else if secondAward == nil || before(filed, secondAward!) {
          secondAward = filed
        }
      case .hoursReported:
        if firstReport == nil || before(filed, firstReport!) { firstReport = filed }
      default: continue
      }
    }
    if let firstAward, let secondAward {
      throw IntegrityViolation(seq: secondAward.seq, day: secondAward.fact.day, key: key, detail: .awardedTwice(first: firstAward.seq))
    }
    if let report = firstReport, firstAward == nil || report.fact.day < firstAward!.fact.day {
      throw IntegrityViolation(seq: report.seq, day: report.fact.day, key: key, detail: .reportWithoutAward)
    }
  }
}
