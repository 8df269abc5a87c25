import Domain
import Journal

/// How the text of a table cell is read as a number, a date or a boolean
/// (FORMATS.md §2). Each reader returns the value, or why the text is not one,
/// as the end of a sentence ("must be …; got …").
enum CellText {
  /// A number: `,` or `.` decimals; digits grouped by spaces, no-break spaces
  /// (U+00A0) or narrow no-break spaces (U+202F); with `euros`, a final `€`.
  /// A text holding both marks (`1.234,5`), or one of them twice, is read only
  /// when `decimal` says which mark is the decimal one.
  static func number(_ text: String, decimal: DecimalMark?, euros: Bool) -> Result<JSONNumber, Refusal> {
    // Digits, perhaps grouped by spaces (`12 345`, with a space, a tab, U+00A0 or U+202F, as the
    // general path below reads them), the usual case: read as an integer, without building a literal.
    if let integer = groupedInteger(text) { return .success(JSONNumber(integer)) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var commas = 0
    var points = 0
    var u = Array(text.utf8)[...]
    if euros, u.count >= 3, u.suffix(3).elementsEqual([0xE2, 0x82, 0xAC]) { u = u.dropLast(3) }
    var i = u.startIndex
    while i < u.endIndex {
      let b = u[i]
      if b == 0x20 || b == 0x09 {
        i += 1
        continue
      }
      if b == 0xC2, i + 1 < u.endIndex, u[i + 1] == 0xA0 {  // U+00A0
        i += 2
        continue
      }
      if b == 0xE2, i + 2 < u.endIndex, u[i + 1] == 0x80, u[i + 2] == 0xAF {  // U+202F
        i += 3
        continue
      }
      if b == UInt8(ascii: ",") { commas += 1 }
      if b == UInt8(ascii: ".") { points += 1 }
      bytes.append(b)
      i += 1
    }
    let mark: DecimalMark?
    switch (commas, points) {
    case (0, 0): mark = nil
    case (1, 0): mark = decimal ?? .comma
    case (0, 1): mark = decimal ?? .point
    default:
      guard let decimal else {
        let comma = commas == 1 ? " (read as \(ungrouped(bytes, decimal: .comma)))" : ""
        let point = points == 1 ? " (read as \(ungrouped(bytes, decimal: .point)))" : ""
        return .failure(
          .init(
            "a number whose decimal mark can be told; got \(Given.raw(text)), which is ambiguous (\(commas) ',' and \(points) '.'), so give --decimal comma\(comma) or --decimal point\(point) to say which mark is the decimal one"
          ))
      }
      mark = decimal
    }
    var literal = bytes
    if let mark {
      literal = Array(ungrouped(bytes, decimal: mark).utf8)
      if mark == .comma && commas > 1 || mark == .point && points > 1 { literal = [] }
    }
    guard !literal.isEmpty, let number = JSONNumber(literal: String(decoding: literal, as: UTF8.self)) else {
      return .failure(
        .init("a number (decimals after ',' or '.', digits grouped by spaces, like 1 234,5); got \(Given.raw(text))"))
    }
    return .success(number)
  }

  /// The integer that `text` writes with at most 18 digits, no leading zero, and nothing else but the
  /// spaces ``number(_:decimal:euros:)`` drops; nil for anything else (that function then reads it).
  static func groupedInteger(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { u -> Int64? in
      var value: Int64 = 0
      var digits = 0
      var leadingZero = false
      var i = 0
      while i < u.count {
        let b = u[i]
        if b &- 0x30 < 10 {
          if digits == 0 { leadingZero = b == 0x30 }
          digits += 1
          guard digits <= 18 else { return nil }
          value = value * 10 + Int64(b &- 0x30)
          i += 1
        } else if b == 0x20 || b == 0x09 {
          i += 1
        } else if b == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 {
          i += 2
        } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xAF {
          i += 3
        } else {
          return nil
        }
      }
      guard digits >= 1, digits == 1 || !leadingZero else { return nil }
      return value
    }
  }

  /// `bytes` with the grouping mark dropped and the decimal mark made a point.
  static func ungrouped(_ bytes: [UInt8], decimal: DecimalMark) -> String {
    let group = decimal == .comma ? UInt8(ascii: ".") : UInt8(ascii: ",")
    let mark = decimal == .comma ? UInt8(ascii: ",") : UInt8(ascii: ".")
    return String(decoding: bytes.compactMap { $0 == group ? nil : $0 == mark ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
  }

  /// A date `AAAA-MM-JJ`, `AAAA/MM/JJ` or `JJ/MM/AAAA` (day first, never month
  /// first) that exists, as `AAAA-MM-JJ`; with `dateTime`, an RFC 3339 date-time
  /// (holding a `T`) is kept as it is, for the catalog to check.
  static func date(_ text: String, dateTime: Bool) -> Result<String, Refusal> {
    let expected = "a date AAAA-MM-JJ, AAAA/MM/JJ or JJ/MM/AAAA (day first)"
    if dateTime, text.utf8.contains(UInt8(ascii: "T")) { return .success(text) }
    // AAAA-MM-JJ and JJ/MM/AAAA, the usual forms, read from their bytes.
    if let (y, m, d, iso) = fixedWidth(text), (1...12).contains(m), let date = CivilDate(year: y, month: m, day: d) {
      return .success(iso ? text : date.description)
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    let dashed = text.split(separator: "-", omittingEmptySubsequences: false)
    var ymd: (Int, Int, Int)? = nil
    if dashed.count == 3, dashed[0].count == 4, let y = Int(dashed[0]), dashed[1].count == 2, let m = Int(dashed[1]),
      dashed[2].count == 2, let d = Int(dashed[2])
    {
      ymd = (y, m, d)
    } else if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), (1...2).contains(parts[1].count),
      let m = Int(parts[1]), (1...2).contains(parts[2].count), let d = Int(parts[2])
    {
      ymd = (y, m, d)
    } else if parts.count == 3, parts[2].count == 4, let y = Int(parts[2]), (1...2).contains(parts[1].count),
      let m = Int(parts[1]), (1...2).contains(parts[0].count), let d = Int(parts[0])
    {
      ymd = (y, m, d)
    }
    guard let ymd, text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return .failure(.init("\(expected); got \(Given.raw(text))"))
    }
    let (y, m, d) = ymd
    guard (1...12).contains(m) else {
      return .failure(
        .init("\(expected); got \(Given.raw(text)), and there is no month \(m) (dates are read day first, never month first)"))
    }
    guard let date = CivilDate(year: y, month: m, day: d) else {
      return .failure(.init("\(expected) that exists; got \(Given.raw(text)), and \(pad(m)) has no day \(d) in \(y)"))
    }
    return .success(date.description)
  }

  /// The year, month and day of a 10-byte `AAAA-MM-JJ` (`iso`) or `JJ/MM/AAAA`, or nil.
  static func fixedWidth(_ text: String) -> (Int, Int, Int, Bool)? {
    let u = text.utf8
    guard u.count == 10 else { return nil }
    return u.withContiguousStorageIfAvailable { b -> (Int, Int, Int, Bool)? in
      func number(_ from: Int, _ count: Int) -> Int? {
        var n = 0
        for i in from..<(from + count) {
          let digit = Int(b[i]) - 0x30
          guard digit >= 0 && digit <= 9 else { return nil }
          n = n * 10 + digit
        }
        return n
      }
      if b[4] == UInt8(ascii: "-") && b[7] == UInt8(ascii: "-"), let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) {
        return (y, m, d, true)
      }
      if b[2] == UInt8(ascii: "/") && b[5] == UInt8(ascii: "/"), let d = number(0, 2), let m = number(3, 2), let y = number(6, 4) {
        return (y, m, d, false)
      }
      return nil
    } ?? nil
  }

  static func pad(_ n: Int) -> String { n < 10 ? "month 0\(n)" : "month \(n)" }

  /// `oui`/`non`, `true`/`false`, `vrai`/`faux`, `1`/`0`, in any case.
  static func boolean(_ text: String) -> Result<Bool, Refusal> {
    switch text.lowercased() {
    case "oui", "true", "vrai", "1": return .success(true)
    case "non", "false", "faux", "0": return .success(false)
    default: return .failure(.init("oui or non (true/false, vrai/faux, 1/0); got \(Given.raw(text))"))
    }
  }

  /// Why a cell's text is not what its column holds: what was expected and what was given.
  struct Refusal: Error, Sendable, Equatable {
    var expected: String
    init(_ expected: String) { self.expected = expected }
  }
}
