/// The legal form of a member of the Pôle (`legalForm` of `pole.member-joined`).
public enum LegalForm: String, Sendable, Equatable, CaseIterable {
  case association
  case cooperative
  case mutuelle
  case fondation
  case siae
  case entrepriseSociale = "entreprise-sociale"
  case autre
}
