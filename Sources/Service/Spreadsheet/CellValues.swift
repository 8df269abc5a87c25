import Journal

/// The conversions both spreadsheet formats share: dates as day serials,
/// numbers as exact decimal literals, column letters.
enum CellValues {
  /// Days from 1970-01-01 to the civil date (proleptic Gregorian), or nil when `iso` is no `YYYY-MM-DD` date.
  static func days(_ iso: String) -> Int? {
    CivilDate(iso: iso).map { Int($0.daysSince1970) }
  }

  /// The date `days` after 1970-01-01, `YYYY-MM-DD`.
  static func iso(_ days: Int) -> String { CivilDate(daysSince1970: Int64(days)).description }

  /// 1899-12-30, day 0 of a spreadsheet's serial dates (1900 system: Excel's serial 60, the 29 February 1900
  /// that never was, is the only difference, and ess writes no date before March 1900).
  static let serialEpoch = -25_569
  /// 1904-01-01, day 0 of the 1904 system (`<workbookPr date1904="1"/>`).
  static let serialEpoch1904 = -24_107

  /// `literal` (`426.5`, `-3`, `1.5E-3`, `2.18601946E+13`) as a plain decimal literal without exponent
  /// (`0.0015`, `21860194600000`), or nil when it is not a number.
  static func plainDecimal(_ literal: String) -> String? {
    var text = Substring(literal)
    var sign = ""
    if text.first == "-" || text.first == "+" {
      if text.first == "-" { sign = "-" }
      text = text.dropFirst()
    }
    var exponent = 0
    var scientific = false
    if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
      guard let value = Int(text[text.index(after: e)...]), abs(value) < 400 else { return nil }
      exponent = value
      scientific = true
      text = text[..<e]
    }
    let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
    guard pieces.count <= 2, let whole = pieces.first else { return nil }
    let fraction = pieces.count == 2 ? pieces[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty), (whole + fraction).allSatisfy(\.isASCII), (whole + fraction).allSatisfy(\.isNumber)
    else { return nil }
    if !scientific && !whole.isEmpty { return sign + literal.drop { $0 == "+" || $0 == "-" } }
    // Shift the decimal point by the exponent over the digits.
    var digits = Array(whole + fraction)
    var point = whole.count + exponent
    if point < 0 {
      digits = Array(repeating: "0", count: -point) + digits
      point = 0
    }
    if point > digits.count { digits += Array(repeating: "0", count: point - digits.count) }
    var integer = String(digits[..<point]).drop { $0 == "0" }
    var decimals = Substring(String(digits[point...]))
    while decimals.last == "0" { decimals = decimals.dropLast() }
    if integer.isEmpty { integer = "0" }
    let plain = decimals.isEmpty ? String(integer) : "\(integer).\(decimals)"
    return plain == "0" ? plain : sign + plain
  }

  /// The letters of column `index` (0 → `A`, 26 → `AA`).
  static func letters(_ index: Int) -> String {
    var n = index + 1
    var out: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      out.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
      n = (n - 1) / 26
    }
    return String(out)
  }

  /// The column index and row number of a reference `C7`, or nil when it is none.
  static func reference(_ ref: String) -> (column: Int, row: Int)? {
    var column = 0
    var letters = 0
    var rest = Substring(ref)
    while let c = rest.first, let a = c.asciiValue, (65...90).contains(a) || (97...122).contains(a) {
      column = column * 26 + Int((a & 0xDF) - 64)
      letters += 1
      rest = rest.dropFirst()
      if letters > 3 { return nil }
    }
    guard letters > 0, let row = Int(rest), row > 0 else { return nil }
    return (column - 1, row)
  }
}
