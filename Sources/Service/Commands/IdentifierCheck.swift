import Domain

/// `ess check-id`: what each value is (SIREN, SIRET, RNA number) and which rule it breaks (FORMATS.md §4).
///
/// ```swift
/// IdentifierCheck.check("216 704 825").description  // "216 704 825: a valid SIREN (216704825)."
/// IdentifierCheck.check("21670482500018").isValid   // false: the Luhn checksum fails
/// ```
public enum IdentifierCheck {
  /// The verdict on one value.
  public struct Verdict: Sendable, Equatable, CustomStringConvertible {
    /// The value as given.
    public var value: String
    /// The scheme its shape points to, if any.
    public var scheme: CompanyID.Scheme?
    /// The rule it breaks, or nil when it is valid.
    public var problem: CompanyID.Problem?
    /// One sentence.
    public var description: String
    public var isValid: Bool { scheme != nil && problem == nil }
  }

  /// Checks one value: its shape (W first: RNA; 9 digits: SIREN; 14: SIRET) says what it should be.
  public static func check(_ value: String) -> Verdict {
    let digits = CompanyID.normalize(value, as: .siret)
    let scheme: CompanyID.Scheme?
    if CompanyID.looksLikeSpreadsheetNumber(value) {
      scheme = digits.count > 12 ? .siret : .siren
    } else if digits.uppercased().hasPrefix("W") {
      scheme = .rna
    } else if digits.count == 9 {
      scheme = .siren
    } else if digits.count == 14 {
      scheme = .siret
    } else {
      scheme = nil
    }
    guard let scheme else {
      let what =
        digits.allSatisfy(\.isNumber)
        ? "\(digits.count) digits" : "characters other than digits (and not W followed by 9 digits, an RNA number)"
      return Verdict(
        value: value, scheme: nil, problem: .length(digits.count),
        description:
          "\(value): not an identifier: a SIREN has 9 digits, a SIRET 14 (SIREN + NIC), an RNA number is W followed by 9 digits; this has \(what)."
      )
    }
    let normal = CompanyID.normalize(value, as: scheme)
    if let problem = CompanyID.problem(value, as: scheme) {
      return Verdict(
        value: value, scheme: scheme, problem: problem,
        description:
          "\(value): not a valid \(scheme.rawValue == "RNA" ? "RNA number" : scheme.rawValue): it breaks \(problem.rule(scheme)).")
    }
    let detail: String
    switch scheme {
    case .siren: detail = "a valid SIREN (\(normal))"
    case .siret where normal == CompanyID.laPosteHeadOffice:
      detail = "a valid SIRET, La Poste's head office (Luhn checksum; SIREN \(normal.prefix(9)), NIC \(normal.suffix(5)))"
    case .siret where normal.hasPrefix(CompanyID.laPosteSIREN):
      detail = "a valid SIRET of La Poste (digit sum a multiple of 5; SIREN \(normal.prefix(9)), NIC \(normal.suffix(5)))"
    case .siret: detail = "a valid SIRET (SIREN \(normal.prefix(9)), NIC \(normal.suffix(5)))"
    case .rna: detail = "a well-formed RNA number (\(normal); the RNA has no checksum)"
    }
    return Verdict(value: value, scheme: scheme, problem: nil, description: "\(value): \(detail).")
  }
}
