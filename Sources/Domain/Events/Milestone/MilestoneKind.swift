/// The kind of a milestone (`kind` of `milestone.reached`).
public enum MilestoneKind: String, Sendable, Equatable, CaseIterable {
  /// A label obtained (e.g. Territoire de commerce équitable).
  case label
  /// A prize or award.
  case award
  /// A deliberation of the city or metropolitan council.
  case deliberation
  /// The founding of a body or structure.
  case founding
  /// A notable event.
  case event
  case other
}
