import Domain
import Journal

/// Typing one cell by its field's kind (FORMATS.md §2): numbers, dates and
/// booleans as people and spreadsheets write them, identifiers and lists by
/// the catalog's own reading; an empty cell is an absent field.
enum TableCell {
  /// The JSON value of `cell` for the field `name` of `kind`, or nil for an empty cell.
  ///
  /// - Throws: ``ServiceError`` `.badInput`, not placed: the caller gives it its row, column and field
  ///   (a cell that passes costs no place).
  static func value(
    _ cell: SheetTable.Cell, _ name: String, _ kind: FieldKind, decimal: DecimalMark?
  ) throws(ServiceError) -> JSONValue? {
    let text: String
    switch cell {
    case .empty: return nil
    case .text(let t): text = trimmed(t)
    case .number(let literal):
      switch kind {
      case .count, .positiveCount, .seq, .year, .euros, .positiveEuros, .number:
        guard let number = JSONNumber(literal: literal) else { throw refusal(name, "a number; got \(Given.raw(literal))") }
        return .number(number)
      case .companyID(let scheme):
        throw refusal(
          name,
          "\(scheme.expectation); got the number \(literal), which breaks \(CompanyID.Problem.spreadsheetNumber.rule(scheme))",
        )
      case .companyIDList:
        throw refusal(
          name,
          "a list of SCHEME:ID items; got the number \(literal), which breaks \(CompanyID.Problem.spreadsheetNumber.rule(.siret))",
        )
      case .boolean where literal == "1" || literal == "0":
        return .bool(literal == "1")
      default: text = literal
      }
    case .date(let day):
      switch kind {
      case .date, .validTime: return .string(day)
      default: text = day
      }
    case .bool(let flag):
      if kind == .boolean { return .bool(flag) }
      text = flag ? "true" : "false"
    }
    if text.isEmpty { return nil }
    switch kind {
    case .text, .slug, .choice:
      return .string(text)
    case .count, .positiveCount, .seq, .year, .number, .euros, .positiveEuros:
      let euros = kind == .euros || kind == .positiveEuros
      switch CellText.number(text, decimal: decimal, euros: euros) {
      case .success(let number): return .number(number)
      case .failure(let why): throw refusal(name, why.expected)
      }
    case .boolean:
      switch CellText.boolean(text) {
      case .success(let flag): return .bool(flag)
      case .failure(let why): throw refusal(name, why.expected)
      }
    case .date, .validTime:
      switch CellText.date(text, dateTime: kind == .validTime) {
      case .success(let day): return .string(day)
      case .failure(let why): throw refusal(name, why.expected)
      }
    case .companyID, .companyIDList, .slugList, .textList, .object:
      do {
        return try FieldSpec(name: name, kind: kind, required: false, help: "").parse(text)
      } catch {
        throw ServiceError(error, at: ServiceError.Location())
      }
    }
  }

  /// "Field 'x' must be …".
  static func refusal(_ name: String, _ expected: String) -> ServiceError {
    ServiceError(.badInput, "Field '\(name)' must be \(expected).", at: ServiceError.Location())
  }

  /// `text` without the spaces, tabs and no-break spaces around it.
  static func trimmed(_ text: String) -> String {
    let u = text.utf8
    guard let first = u.first, let last = u.last else { return text }
    let plain: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x80 }
    if plain(first) && plain(last) { return text }
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
    return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
