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

  /// At most one opening and one closing, the closing not before the opening, every pledge
  /// between them. By valid day, then seq, as the rules read; without sorting the pledges: the
  /// first one refused is the first pledge if it comes before the opening (or there is none),
  /// else the first one after the closing.
  func checkCampaign(_ key: IntegrityKey) throws(IntegrityViolation) {
    let facts = byKey[key] ?? []
    var opens = FirstTwo()
    var closes = FirstTwo()
    for filed in facts {
      if filed.fact.kind == .campaignOpened { opens.offer(filed) } else if filed.fact.kind == .campaignClosed { closes.offer(filed) }
    }
    if let first = opens.first, let second = opens.second {
      throw IntegrityViolation(seq: second.seq, day: second.fact.day, key: key, detail: .openedTwice(first: first.seq))
    }
    if let first = closes.first, let second = closes.second {
      throw IntegrityViolation(seq: second.seq, day: second.fact.day, key: key, detail: .closedTwice(first: first.seq))
    }
    let open = opens.first
    let close = closes.first
    if let close, open == nil || close.fact.day < open!.fact.day {
      throw IntegrityViolation(seq: close.seq, day: close.fact.day, key: key, detail: .closedWithoutOpening)
    }
    let pledges = facts.lazy.filter { $0.fact.kind == .pledgeMade }
    guard let firstPledge = pledges.min(by: FirstTwo.before) else { return }
    guard let open, open.fact.day <= firstPledge.fact.day else {
      throw IntegrityViolation(seq: firstPledge.seq, day: firstPledge.fact.day, key: key, detail: .pledgeWithoutOpening)
    }
    guard let close else { return }
    if let late = pledges.filter({ close.fact.day < $0.fact.day }).min(by: FirstTwo.before) {
      throw IntegrityViolation(seq: late.seq, day: late.fact.day, key: key, detail: .pledgeAfterClosing(closedOn: close.fact.day))
    }
  }

  /// The first two facts offered, by valid day then seq.
  struct FirstTwo {
    var first: Filed? = nil
    var second: Filed? = nil

    static func before(_ a: Filed, _ b: Filed) -> Bool { (a.fact.day, a.seq) < (b.fact.day, b.seq) }

    mutating func offer(_ filed: Filed) {
      if first == nil || Self.before(filed, first!) {
        second = first
        first = filed
      } else if second == nil || Self.before(filed, second!) {
        second = filed
      }
    }
  }

  /// At most one award; every report on or after it. By valid day, then seq: the second award is
  /// refused, naming the first; else the first report dated before the award (or with none). One pass
  /// without sorting, since a contract gathers hundreds of reports: only the two first awards and the
  /// first report can be named, and if the first report is not before the award, no report is.
  func checkContract(_ key: IntegrityKey) throws(IntegrityViolation) {
    let facts = byKey[key] ?? []
    var awards = FirstTwo()
    for filed in facts where filed.fact.kind == .contractAwarded { awards.offer(filed) }
    let firstReport = facts.lazy.filter { $0.fact.kind == .hoursReported }.min(by: FirstTwo.before)
    let firstAward = awards.first
    if let firstAward, let secondAward = awards.second {
      throw IntegrityViolation(seq: secondAward.seq, day: secondAward.fact.day, key: key, detail: .awardedTwice(first: firstAward.seq))
    }
    if let report = firstReport, firstAward == nil || report.fact.day < firstAward!.fact.day {
      throw IntegrityViolation(seq: report.seq, day: report.fact.day, key: key, detail: .reportWithoutAward)
    }
  }
}
