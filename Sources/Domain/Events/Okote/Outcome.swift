/// How an Okoté campaign ended (`outcome` of `okote.campaign-closed`).
public enum Outcome: String, Sendable, Equatable, CaseIterable {
  case funded
  case notFunded = "not-funded"
}
