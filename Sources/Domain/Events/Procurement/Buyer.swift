/// The public buyer of a contract (`buyer` of `procurement.contract-awarded`).
public enum Buyer: String, Sendable, Equatable, CaseIterable {
  /// Ville de Strasbourg.
  case ville
  /// Eurométropole de Strasbourg.
  case eurometropole
}
