/// What an integrity rule is about: one member, one campaign or one contract
/// (EVENTS.md §3). The model files every fact under the keys it concerns and
/// checks only the keys a new event touches.
public struct IntegrityKey: Sendable, Hashable, CustomStringConvertible {
  public enum Subject: UInt8, Sendable {
    /// A member of the Pôle (`memberId`): joins, leaves, boards.
    case member = 1
    /// An Okoté campaign (`campaignId`): opening, closing, pledges.
    case campaign
    /// A public contract (`contractId`): award, insertion-hours reports.
    case contract
  }

  public var subject: Subject
  public var id: String

  public init(_ subject: Subject, _ id: String) {
    self.subject = subject
    self.id = id
  }

  public var description: String {
    switch subject {
    case .member: "member '\(id)'"
    case .campaign: "campaign '\(id)'"
    case .contract: "contract '\(id)'"
    }
  }
}
