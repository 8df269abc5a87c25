import Journal

/// Typing a command-line `key=value` value by the catalog (`ess append`).
extension FieldKind {
  /// The typed JSON value of a command-line text, checked against this kind.
  ///
  /// - numbers: `4265`, `426.50`, French `426,50`; spaces, `_` and
  ///   non-breaking spaces are ignored (`483 442`), and a final `€` for euros;
  /// - booleans: `true`/`false`, `oui`/`non`, `yes`/`no` (any case);
  /// - lists: `a,b,c` (items trimmed; an empty text is the empty list);
  /// - dates: `YYYY-MM-DD`; objects: JSON text; anything else: the text as is.
  ///
  /// ```swift
  /// try FieldKind.slugList(nonEmpty: true).parse("emmaus-mundo,cress")  // ["emmaus-mundo","cress"]
  /// try FieldKind.boolean.parse("oui")                                  // true
  /// try FieldKind.count.parse("12,5")   // throws: must be a whole number ≥ 0
  /// ```
  public func parse(_ text: String) throws(DomainError) -> JSONValue {
    try parse(text, field: nil)
  }

  func parse(_ text: String, field: String?) throws(DomainError) -> JSONValue {
    let value: JSONValue
    switch self {
    case .text, .slug, .date, .choice, .validTime:
      value = .string(text)
    case .companyID(let scheme):
      // Spaces and dots are how people group the digits; a spreadsheet's number is refused by the check.
      value = .string(CompanyID.looksLikeSpreadsheetNumber(text) ? text : CompanyID.normalize(text, as: scheme))
    case .companyIDList:
      // SCHEME:ID items, comma-separated: "SIRET:21670482500019,RNA:W671234567".
      var items: [JSONValue] = []
      for item in Self.listItems(text) {
        guard let colon = item.firstIndex(of: ":") else {
          throw DomainError(
            .wrongType,
            "\(DomainError.subject(field)) must be a list of SCHEME:ID items (SIRET:21670482500019,RNA:W671234567); got \(Given.raw(text)).",
            field: field, rule: expectation, given: Given.raw(text))
        }
        let scheme = item[..<colon].uppercased()
        let id = String(item[item.index(after: colon)...])
        let normal = CompanyID.Scheme(rawValue: scheme).map { CompanyID.normalize(id, as: $0) } ?? id
        items.append(.object(["scheme": .string(scheme), "id": .string(normal)]))
      }
      value = .array(items)
    case .slugList, .textList:
      value = .array(Self.listItems(text).map(JSONValue.string))
    case .count, .positiveCount, .seq, .year, .euros, .positiveEuros, .number:
      guard let number = Self.number(text, decimalComma: !isInteger, euroSign: isEuros) else {
        throw DomainError(
          .wrongType, "\(DomainError.subject(field)) must be \(expectation); got \(Given.raw(text)).",
          field: field, rule: expectation, given: Given.raw(text))
      }
      value = .number(number)
    case .boolean:
      switch text.lowercased() {
      case "true", "oui", "yes", "vrai": value = .bool(true)
      case "false", "non", "no", "faux": value = .bool(false)
      default:
        throw DomainError(
          .wrongType, "\(DomainError.subject(field)) must be true or false (oui or non); got \(Given.raw(text)).",
          field: field, rule: expectation, given: Given.raw(text))
      }
    case .object:
      do {
        value = try JSONParser.parse(text)
      } catch {
        throw DomainError(
          .wrongType, "\(DomainError.subject(field)) must be a JSON object; got \(Given.raw(text)) (\(error.message)).",
          field: field, rule: expectation, given: Given.raw(text))
      }
    }
    try check(value, field: field)
    // What a person types is held to the checksums too (FORMATS.md §4).
    if let bad = checksumProblem(value) { throw Self.checksumError(field, self, bad) }
    return value
  }

  /// The refusal of a well-formed identifier whose checksum fails.
  static func checksumError(
    _ field: String?, _ kind: FieldKind, _ bad: (scheme: CompanyID.Scheme, id: String, problem: CompanyID.Problem, item: Int?)
  ) -> DomainError {
    let subject = DomainError.subject(field, item: bad.item)
    return DomainError(
      .invalidValue,
      "\(subject) must be \(bad.scheme.expectation); got \(Given.raw(bad.id)), which breaks \(bad.problem.rule(bad.scheme)).",
      field: field, rule: bad.scheme.expectation, given: Given.raw(bad.id))
  }

  private var isInteger: Bool {
    switch self {
    case .count, .positiveCount, .seq, .year: return true
    default: return false
    }
  }

  private var isEuros: Bool { self == .euros || self == .positiveEuros }

  /// Items of `a, b ,c`: split on commas, trimmed of spaces.
  static func listItems(_ text: String) -> [String] {
    guard text.contains(where: { !$0.isWhitespace }) else { return [] }
    return text.split(separator: ",", omittingEmptySubsequences: false).map {
      String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
  }

  /// A number typed by a person: digit-group spaces and `_` removed, `,`
  /// as the decimal point when there is no `.`, and an optional final `€`.
  static func number(_ text: String, decimalComma: Bool, euroSign: Bool) -> JSONNumber? {
    var cleaned = String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "_" })
    if euroSign, cleaned.hasSuffix("€") { cleaned.removeLast() }
    if decimalComma, !cleaned.contains("."), cleaned.filter({ $0 == "," }).count == 1 {
      cleaned = cleaned.replacingComma()
    }
    return JSONNumber(literal: cleaned)
  }
}

extension String {
  fileprivate func replacingComma() -> String {
    String(map { $0 == "," ? "." : $0 })
  }
}
