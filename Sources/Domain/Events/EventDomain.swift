/// The parts of the policy events belong to: one fold of the bilan each,
/// plus the corrections, which amend events of any part.
public enum EventDomain: String, CaseIterable, Sendable {
  /// The Pôle territorial de l'ESS: members, boards, assemblies.
  case pole
  /// The Conseil de l'ESS: plenaries and workshops.
  case conseil
  /// Public procurement with social clauses (SPASER).
  case procurement
  /// Okoté matchfunding.
  case okote
  /// Books given for Lire et faire lire.
  case books
  /// The Marché OFF de Noël.
  case marcheOff
  /// Subsidies of the Ville and the Eurométropole (SCDL).
  case subsidy
  /// Figures reported by partners.
  case indicator
  /// Milestones.
  case milestone
  /// Bilans published with a signed receipt (in no bilan).
  case publication
  /// `event.corrected` and `event.retracted`.
  case correction
}
