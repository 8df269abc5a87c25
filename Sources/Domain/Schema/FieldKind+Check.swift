import Journal

/// Checking a JSON value against a kind. The success path does no string
/// formatting and no allocation beyond what the value already holds.
extension FieldKind {
  /// Throws unless `value` (not `null`: the caller handles absence) obeys this kind.
  /// `field` names the field in the error, if known.
  func check(_ value: JSONValue, field: String?) throws(DomainError) {
    switch self {
    case .text(let max):
      guard case .string(let s) = value else { throw .wrongType(field, self, value) }
      if let problem = TextRule.problem(s, maxLength: max) { throw textError(field, value, problem, item: nil) }
    case .slug:
      guard case .string(let s) = value else { throw .wrongType(field, self, value) }
      if !Slug.isValid(s) { throw .invalid(field, self, value, detail: Self.slugDetail(s)) }
    case .slugList(let nonEmpty):
      guard case .array(let items) = value else { throw .wrongType(field, self, value) }
      if nonEmpty && items.isEmpty { throw .invalid(field, self, value, detail: "the list is empty") }
      for (index, item) in items.enumerated() {
        guard case .string(let s) = item else { throw .wrongType(field, self, item, item: index) }
        if !Slug.isValid(s) { throw .invalid(field, self, item, item: index, detail: Self.slugDetail(s)) }
      }
      if let repeated = Self.firstRepeat(items) {
        throw .invalid(field, self, value, detail: "\(Given.text(repeated)) is listed more than once")
      }
    case .textList:
      guard case .array(let items) = value else { throw .wrongType(field, self, value) }
      for (index, item) in items.enumerated() {
        guard case .string(let s) = item else { throw .wrongType(field, self, item, item: index) }
        if let problem = TextRule.problem(s, maxLength: Self.textListItemMaxLength) {
          throw textError(field, item, problem, item: index)
        }
      }
    case .count, .positiveCount, .seq, .year:
      guard case .number(let n) = value else { throw .wrongType(field, self, value) }
      guard let v = n.exactInt64 else {
        throw .invalid(field, self, value, detail: n.isInteger ? "too large" : "not a whole number")
      }
      switch self {
      case .count: if v < 0 { throw .invalid(field, self, value) }
      case .positiveCount, .seq: if v < 1 { throw .invalid(field, self, value) }
      default: if v < 1900 || v > 2100 { throw .invalid(field, self, value) }
      }
    case .euros, .positiveEuros:
      guard case .number(let n) = value else { throw .wrongType(field, self, value) }
      guard let amount = Euros(json: n) else {
        throw .invalid(field, self, value, detail: n.fractionDigits > 2 ? nil : "too large")
      }
      if amount.cents < 0 || (amount.cents == 0 && self == .positiveEuros) { throw .invalid(field, self, value) }
    case .boolean:
      guard case .bool = value else { throw .wrongType(field, self, value) }
    case .date:
      guard case .string(let s) = value else { throw .wrongType(field, self, value) }
      if CivilDate(iso: s) == nil { throw .invalid(field, self, value) }
    case .number:
      guard case .number = value else { throw .wrongType(field, self, value) }
    case .choice(let options):
      guard case .string(let s) = value else { throw .wrongType(field, self, value) }
      if !options.contains(s) {
        let near = Suggestion.closest(to: s, among: options, maxDistance: 2).first ?? Suggestion.completion(of: s, among: options)
        throw .invalid(field, self, value, detail: near.map { "did you mean '\($0)'?" })
      }
    case .object:
      guard case .object = value else { throw .wrongType(field, self, value) }
    case .validTime:
      guard case .string(let s) = value else { throw .wrongType(field, self, value) }
      if ParisTime.validDate(of: s) == nil { throw .invalid(field, self, value) }
    case .companyID(let scheme):
      guard case .string(let s) = value else { throw .wrongType(field, self, value) }
      try Self.checkCompanyID(s, scheme: scheme, field: field, kind: self, value: value, item: nil)
    case .companyIDList:
      guard case .array(let items) = value else { throw .wrongType(field, self, value) }
      for (index, item) in items.enumerated() {
        guard case .object(let members) = item, members.count == 2, case .string(let scheme)? = members["scheme"],
          case .string(let id)? = members["id"]
        else { throw .wrongType(field, self, item, item: index) }
        if let problem = TextRule.problem(scheme, maxLength: 20) { throw textError(field, item, problem, item: index) }
        if let problem = TextRule.problem(id, maxLength: 64) { throw textError(field, item, problem, item: index) }
        if let known = CompanyID.Scheme(rawValue: scheme) {
          try Self.checkCompanyID(id, scheme: known, field: field, kind: self, value: item, item: index)
        }
      }
    }
  }

  /// The format rules of an identifier (a checksum failure is not refused here: see ``checksumProblem(_:)``).
  private static func checkCompanyID(
    _ s: String, scheme: CompanyID.Scheme, field: String?, kind: FieldKind, value: JSONValue, item: Int?
  ) throws(DomainError) {
    if let problem = CompanyID.problem(s, as: scheme), !problem.isChecksum {
      throw .invalid(field, kind, value, item: item, detail: "it breaks " + problem.rule(scheme))
    }
    let normal = CompanyID.normalize(s, as: scheme)
    if normal != s { throw .invalid(field, kind, value, item: item, detail: "write it without spaces or dots: \(normal)") }
  }

  /// Whether values of this kind can break a checksum rule: the kinds ``checksumProblem(_:)`` reads
  /// (for the others it always says nil, so callers need not look their values up).
  var hasChecksum: Bool {
    switch self {
    case .companyID(let scheme): scheme == .siren || scheme == .siret  // RNA numbers have no checksum
    case .companyIDList: true
    default: false
    }
  }

  /// The checksum rule `value` breaks (a well-formed identifier, see ``check(_:field:)``), or nil.
  func checksumProblem(_ value: JSONValue) -> (scheme: CompanyID.Scheme, id: String, problem: CompanyID.Problem, item: Int?)? {
    switch (self, value) {
    case (.companyID(let scheme), .string(let s)):
      if let p = CompanyID.problem(s, as: scheme), p.isChecksum { return (scheme, s, p, nil) }
    case (.companyIDList, .array(let items)):
      for (index, item) in items.enumerated() {
        guard case .object(let m) = item, case .string(let scheme)? = m["scheme"], let known = CompanyID.Scheme(rawValue: scheme),
          case .string(let id)? = m["id"]
        else { continue }
        if let p = CompanyID.problem(id, as: known), p.isChecksum { return (known, id, p, index) }
      }
    default: break
    }
    return nil
  }

  private func textError(_ field: String?, _ value: JSONValue, _ problem: TextRule.Problem, item: Int?) -> DomainError {
    switch problem {
    case .blank: return .invalid(field, self, value, item: item, detail: "the text is blank")
    case .controlCharacter: return .invalid(field, self, value, item: item, detail: "the text holds a control character")
    case .tooLong(let count): return .invalid(field, self, value, item: item, detail: "\(count) characters")
    }
  }

  private static func slugDetail(_ s: String) -> String? {
    let count = s.count
    if count > Slug.maxLength { return "\(count) characters" }
    if count == 0 { return "the identifier is empty" }
    if s.contains(" ") { return "spaces are not allowed" }
    if s.lowercased() != s { return "uppercase letters are not allowed" }
    return nil
  }

  /// The first item that appears twice, or nil.
  private static func firstRepeat(_ items: [JSONValue]) -> JSONValue? {
    guard items.count > 1 else { return nil }
    if items.count <= 16 {
      for i in 1..<items.count where items[..<i].contains(items[i]) { return items[i] }
      return nil
    }
    var seen = Set<JSONValue>()
    for item in items where !seen.insert(item).inserted { return item }
    return nil
  }
}
