/// Who pledges in an Okoté campaign: 1 € from residents, 1 € from the
/// institution, 1 € from the private sector.
public enum ContributorKind: String, Sendable, Equatable, CaseIterable {
  /// A resident.
  case citizen
  /// A company (the private euro).
  case company
  /// A public institution.
  case `public`
}
