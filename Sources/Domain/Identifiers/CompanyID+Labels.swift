/// How the schemes are described in `ess types` and in error messages.
extension CompanyID.Scheme {
  /// A short description for `ess types`.
  public var label: String {
    switch self {
    case .siren: "SIREN (9 digits, Luhn)"
    case .siret: "SIRET (14 digits, Luhn; La Poste's rule)"
    case .rna: "RNA number (W + 9 digits)"
    }
  }

  /// The same in French.
  public var labelFR: String {
    switch self {
    case .siren: "SIREN (9 chiffres, clé de Luhn)"
    case .siret: "SIRET (14 chiffres, clé de Luhn ; règle de La Poste)"
    case .rna: "numéro RNA (W + 9 chiffres)"
    }
  }

  /// What a value must be, completing "Field 'x' must be …".
  public var expectation: String {
    switch self {
    case .siren: "a SIREN: 9 digits with a valid Luhn checksum"
    case .siret: "a SIRET: 14 digits with a valid Luhn checksum (La Poste's: digits summing to a multiple of 5)"
    case .rna: "an RNA number: W followed by 9 digits"
    }
  }
}
