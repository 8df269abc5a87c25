/// Descriptions of a kind: a short ``label`` for `ess types`, and the
/// phrase used in error messages ("must be …").
extension FieldKind {
  /// A short description for `ess types`, e.g. `"count (integer ≥ 0)"`.
  public var label: String {
    switch self {
    case .text(let max): return "text (≤ \(max) characters)"
    case .slug: return "identifier (a-z, 0-9, '.', '_', '-'; ≤ 64 characters)"
    case .slugList(let nonEmpty): return nonEmpty ? "list of identifiers (at least one; a,b,c)" : "list of identifiers (a,b,c)"
    case .textList: return "list of texts (a,b,c)"
    case .count: return "count (integer ≥ 0)"
    case .positiveCount: return "count (integer > 0)"
    case .euros: return "euros (≥ 0, at most 2 decimals)"
    case .positiveEuros: return "euros (> 0, at most 2 decimals)"
    case .boolean: return "boolean (true/false, oui/non)"
    case .date: return "date (YYYY-MM-DD)"
    case .year: return "year (1900–2100)"
    case .number: return "number"
    case .seq: return "seq (integer ≥ 1)"
    case .choice(let options): return "one of: " + options.joined(separator: ", ")
    case .object: return "JSON object"
    case .validTime: return "date (YYYY-MM-DD) or RFC 3339 date-time with offset"
    case .companyID(let scheme): return scheme.label
    case .companyIDList: return "list of {scheme, id} (SIRET, SIREN, RNA, TVA…)"
    }
  }

  /// The same description in French, for `ess types --lang fr`.
  public var labelFR: String {
    switch self {
    case .text(let max): return "texte (≤ \(max) caractères)"
    case .slug: return "identifiant (a-z, 0-9, '.', '_', '-' ; ≤ 64 caractères)"
    case .slugList(let nonEmpty): return nonEmpty ? "liste d'identifiants (au moins un ; a,b,c)" : "liste d'identifiants (a,b,c)"
    case .textList: return "liste de textes (a,b,c)"
    case .count: return "nombre (entier ≥ 0)"
    case .positiveCount: return "nombre (entier > 0)"
    case .euros: return "euros (≥ 0, au plus 2 décimales)"
    case .positiveEuros: return "euros (> 0, au plus 2 décimales)"
    case .boolean: return "booléen (oui/non, true/false)"
    case .date: return "date (AAAA-MM-JJ)"
    case .year: return "année (1900–2100)"
    case .number: return "nombre"
    case .seq: return "seq (entier ≥ 1)"
    case .choice(let options): return "au choix : " + options.joined(separator: ", ")
    case .object: return "objet JSON"
    case .validTime: return "date (AAAA-MM-JJ) ou date-heure RFC 3339 avec décalage"
    case .companyID(let scheme): return scheme.labelFR
    case .companyIDList: return "liste de {scheme, id} (SIRET, SIREN, RNA, TVA…)"
    }
  }

  /// What a value must be, completing "Field 'x' must be …".
  var expectation: String {
    switch self {
    case .text(let max): return "a non-blank text of at most \(max) characters without control characters"
    case .slug: return Self.slugRule
    case .slugList(let nonEmpty):
      return (nonEmpty ? "a non-empty list of " : "a list of ") + "distinct identifiers (\(Self.slugShortRule))"
    case .textList:
      return "a list of non-blank texts of at most \(Self.textListItemMaxLength) characters each"
    case .count: return "a whole number ≥ 0"
    case .positiveCount: return "a whole number greater than 0"
    case .euros: return "an amount in euros ≥ 0 with at most 2 decimals"
    case .positiveEuros: return "an amount in euros greater than 0 with at most 2 decimals"
    case .boolean: return "true or false"
    case .date: return "a real date written YYYY-MM-DD"
    case .year: return "a year from 1900 to 2100"
    case .number: return "a number"
    case .seq: return "an event seq (a whole number ≥ 1)"
    case .choice(let options): return "one of " + Suggestion.quotedList(options)
    case .object: return "a JSON object"
    case .validTime: return "a real date written YYYY-MM-DD, or an RFC 3339 date-time with its offset"
    case .companyID(let scheme): return scheme.expectation
    case .companyIDList: return "a list of objects {\"scheme\": \"SIRET\", \"id\": \"…\"}"
    }
  }

  /// What one item of a list kind must be.
  var itemExpectation: String {
    switch self {
    case .slugList: return Self.slugRule
    case .textList: return FieldKind.text(maxLength: Self.textListItemMaxLength).expectation
    default: return expectation
    }
  }

  static let slugShortRule = "lowercase letters a-z, digits, '.', '_' or '-', starting with a letter or digit, at most 64"
  static let slugRule =
    "an identifier of lowercase letters a-z, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters"
}
