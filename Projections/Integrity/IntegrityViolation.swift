import Journal

/// A rule of EVENTS.md §3 that an event would break: which rule, which
/// event, about what, and the dates and events involved — as data, so that
/// whoever reports it names the events as its reader knows them (a seq, or
/// a line of the file being imported).
///
/// ```swift
/// violation.message()                                  // "… (seq 14) …"
/// violation.message { $0 > head ? "line \(lines[$0])" : "seq \($0)" }
/// ```
public struct IntegrityViolation: Error, Sendable, Equatable {
  /// The rules, by their stable names.
  public enum Rule: String, Sendable {
    case membershipAlternation = "membership-alternation"
    case boardOfCurrentMembers = "board-of-current-members"
    case campaignOpensOnce = "campaign-opens-once"
    case campaignClosesOnce = "campaign-closes-once"
    case campaignClosedAfterOpening = "campaign-closed-after-opening"
    case pledgeInOpenCampaign = "pledge-in-open-campaign"
    case contractAwardedOnce = "contract-awarded-once"
    case reportForAwardedContract = "report-for-awarded-contract"
  }

  /// What exactly went wrong.
  public enum Detail: Sendable, Equatable {
    case joinWhileMember
    case leaveWithoutMembership
    case boardWithNonMember(String)
    case openedTwice(first: UInt64)
    case closedTwice(first: UInt64)
    case closedWithoutOpening
    case pledgeWithoutOpening
    case pledgeAfterClosing(closedOn: Int32)
    case awardedTwice(first: UInt64)
    case reportWithoutAward
  }

  /// The event that would break the rule.
  public var seq: UInt64
  /// Its valid date (days since 1970, Paris calendar).
  public var day: Int32
  /// The member, campaign or contract concerned.
  public var key: IntegrityKey
  public var detail: Detail

  public var rule: Rule {
    switch detail {
    case .joinWhileMember, .leaveWithoutMembership: .membershipAlternation
    case .boardWithNonMember: .boardOfCurrentMembers
    case .openedTwice: .campaignOpensOnce
    case .closedTwice: .campaignClosesOnce
    case .closedWithoutOpening: .campaignClosedAfterOpening
    case .pledgeWithoutOpening, .pledgeAfterClosing: .pledgeInOpenCampaign
    case .awardedTwice: .contractAwardedOnce
    case .reportWithoutAward: .reportForAwardedContract
    }
  }

  /// The sentence for a person, each event named by `name` (default: "seq N").
  public func message(naming name: (UInt64) -> String = { "seq \($0)" }) -> String {
    let id = key.id
    let d = Self.date(day)
    let me = name(seq)
    switch detail {
    case .joinWhileMember:
      return
        "Member '\(id)' would join on \(d) (\(me)) while already a member: a member's events, by date, must alternate joined, left, joined…"
    case .leaveWithoutMembership:
      return
        "Member '\(id)' would leave on \(d) (\(me)) without being a member then: a member's events, by date, must alternate joined, left, joined…"
    case .boardWithNonMember(let member):
      return "The board elected on \(d) (\(me)) would include '\(member)', who is not a member of the Pôle on that date."
    case .openedTwice(let first):
      return "Campaign '\(id)' would be opened twice (\(name(first)) and \(me)); a campaign opens once."
    case .closedTwice(let first):
      return "Campaign '\(id)' would be closed twice (\(name(first)) and \(me)); a campaign closes once."
    case .closedWithoutOpening:
      return "Campaign '\(id)' would be closed on \(d) (\(me)) without being opened on or before that date."
    case .pledgeWithoutOpening:
      return "The pledge of \(d) (\(me)) would be made to campaign '\(id)', which is not open on that date (no opening on or before it)."
    case .pledgeAfterClosing(let closedOn):
      return "The pledge of \(d) (\(me)) would be made to campaign '\(id)' after it closed on \(Self.date(closedOn))."
    case .awardedTwice(let first):
      return "Contract '\(id)' would be awarded twice (\(name(first)) and \(me)); use a new contractId for a new contract."
    case .reportWithoutAward:
      return
        "The insertion-hours report of \(d) (\(me)) would be for contract '\(id)', which is not awarded on or before that date."
    }
  }

  static func date(_ day: Int32) -> String { CivilDate(daysSince1970: Int64(day)).description }
}
