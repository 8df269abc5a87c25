/// How a subsidy is paid (SCDL `conditionsVersement`): at once, in instalments, or otherwise.
public enum PaymentTerms: String, Sendable, Equatable, CaseIterable {
  case unique
  /// "échelonné"
  case echelonne
  case autre
}
