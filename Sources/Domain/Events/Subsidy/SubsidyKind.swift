/// What a subsidy gives (SCDL `nature`): money, goods or services, or both.
public enum SubsidyKind: String, Sendable, Equatable, CaseIterable {
  /// "aide en numéraire"
  case numeraire
  /// "aide en nature"
  case nature
  /// both
  case numeraireEtNature = "numeraire-et-nature"
}
