/// French identifiers of organisations (FORMATS.md §4): SIREN, SIRET and RNA.
///
/// - **SIREN**: 9 digits, Luhn. **SIRET**: 14 digits (SIREN + NIC), Luhn;
///   except La Poste's establishments (`356000000…`), whose digits sum to a
///   multiple of 5, its head office `35600000000048` excepted (Luhn).
/// - **RNA**: `W` + 9 digits (no checksum). Always optional: associations of
///   the Bas-Rhin, Haut-Rhin and Moselle are registered under local law.
///
/// Normalising removes spaces and dots only (a person types `216 704 825`).
///
/// ```swift
/// CompanyID.problem("21670482500019", as: .siret)   // nil: a valid SIRET
/// CompanyID.problem("21670482500018", as: .siret)   // .luhn
/// CompanyID.problem("35600000012345", as: .siret)   // nil: La Poste, digit sum 0 mod 5 (if it is)
/// ```
public enum CompanyID {
  /// The kind of identifier.
  public enum Scheme: String, Sendable, Equatable, CaseIterable {
    case siren = "SIREN"
    case siret = "SIRET"
    case rna = "RNA"

    /// The number of characters of a normalised identifier.
    public var length: Int {
      switch self {
      case .siren: 9
      case .siret: 14
      case .rna: 10
      }
    }
  }

  /// Why a value is not an identifier of a scheme.
  public enum Problem: Sendable, Equatable {
    /// Not the scheme's number of characters (`count` after normalising).
    case length(Int)
    /// A character that is not a digit (RNA: not `W` then digits).
    case characters
    /// A number a spreadsheet made of the identifier (`21860194600000.0`, `2.18601946E+13`).
    case spreadsheetNumber
    /// The Luhn checksum fails.
    case luhn
    /// A La Poste SIRET whose digits do not sum to a multiple of 5.
    case laPoste

    /// Whether the value is well formed but its checksum fails: a warning for
    /// bulk third-party imports (DECP), a refusal for what an admin types.
    public var isChecksum: Bool { self == .luhn || self == .laPoste }

    /// The rule broken, completing "… breaks …" (English).
    public func rule(_ scheme: Scheme) -> String {
      switch self {
      case .length(let n):
        return scheme == .rna
          ? "the length rule: an RNA number is W followed by 9 digits, this has \(n) characters"
          : "the length rule: a \(scheme.rawValue) has \(scheme.length) digits, this has \(n) characters"
      case .characters:
        return scheme == .rna
          ? "the format rule: an RNA number is W followed by 9 digits"
          : "the digits rule: a \(scheme.rawValue) holds digits only, spaces and dots aside"
      case .spreadsheetNumber:
        return
          "the text rule: this looks like a number a spreadsheet made of the identifier; format the column as text and type the \(scheme.length) digits again, leading zeros included"
      case .luhn: return "the Luhn checksum: a digit is probably mistyped"
      case .laPoste: return "La Poste's rule: the digits of a La Poste SIRET sum to a multiple of 5"
      }
    }
  }

  /// The value with spaces (including no-break spaces) and dots removed; uppercased for RNA.
  public static func normalize(_ value: String, as scheme: Scheme) -> String {
    // Nearly every value is plain ASCII letters and digits: kept as it is, without reading Unicode properties.
    if value.utf8.allSatisfy({ isDigit($0) || (($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z")) }) {
      return scheme == .rna ? value.uppercased() : value
    }
    let kept = value.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "." }
    let s = String(String.UnicodeScalarView(kept))
    return scheme == .rna ? s.uppercased() : s
  }

  /// What is wrong with `value` as an identifier of `scheme` (already
  /// normalised, or not: spaces and dots are ignored), or nil when it is valid.
  public static func problem(_ value: String, as scheme: Scheme) -> Problem? {
    if scheme != .rna, looksLikeSpreadsheetNumber(value) { return .spreadsheetNumber }
    let id = normalize(value, as: scheme)
    let bytes = Array(id.utf8)
    switch scheme {
    case .rna:
      guard bytes.first == UInt8(ascii: "W") else { return bytes.count == 10 ? .characters : .length(id.count) }
      guard bytes.count == 10 else { return .length(id.count) }
      return bytes.dropFirst().allSatisfy(isDigit) ? nil : .characters
    case .siren, .siret:
      guard bytes.allSatisfy(isDigit) else { return .characters }
      guard bytes.count == scheme.length else { return .length(bytes.count) }
      if scheme == .siret, id.hasPrefix(laPosteSIREN), id != laPosteHeadOffice {
        return digitSum(bytes) % 5 == 0 ? nil : .laPoste
      }
      return luhnValid(bytes) ? nil : .luhn
    }
  }

  /// The SIREN of La Poste, whose establishments' SIRETs follow its own rule.
  public static let laPosteSIREN = "356000000"
  /// La Poste's head office, the one SIRET of La Poste checked by Luhn.
  public static let laPosteHeadOffice = "35600000000048"

  /// Luhn over ASCII digits: from the right, every second digit doubled (minus 9 past 9); the sum is ≡ 0 mod 10.
  static func luhnValid(_ digits: [UInt8]) -> Bool {
    var sum = 0
    for (i, b) in digits.reversed().enumerated() {
      var d = Int(b - 48)
      if i % 2 == 1 {
        d *= 2
        if d > 9 { d -= 9 }
      }
      sum += d
    }
    return sum % 10 == 0
  }

  static func digitSum(_ digits: [UInt8]) -> Int { digits.reduce(0) { $0 + Int($1 - 48) } }

  static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

  /// Whether `value` looks like a number a spreadsheet made of an identifier:
  /// `21860194600000.0`, `2.18601946E+13`, `2,18601946E+13` (digits with a zero decimal part or an exponent).
  public static func looksLikeSpreadsheetNumber(_ value: String) -> Bool {
    let s = Array(value.utf8)
    guard let first = s.first, isDigit(first) else { return false }
    let exponent = s.contains { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }
    let separators = s.filter { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }.count
    let allowed = s.allSatisfy {
      isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "E")
        || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "+")
    }
    guard allowed else { return false }
    if exponent { return true }
    // One decimal separator followed by zeros only: "21860194600000.0" (not "216.704.825", dotted groups).
    guard separators == 1, let sep = s.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else {
      return false
    }
    let tail = s[(sep + 1)...]
    return !tail.isEmpty && tail.count <= 2 && tail.allSatisfy { $0 == UInt8(ascii: "0") }
  }
}
