/// Reading RFC 8259 number literals from bytes and normalising them to
/// canonical text. Shared by ``JSONNumber/init(literal:)`` and ``JSONParser``.
extension JSONNumber {
  /// The outcome of reading one number literal.
  enum Scan {
    /// A valid literal, ending just before byte index `end`.
    case number(JSONNumber, end: Int)
    /// Not a number literal: the byte at `offset` (or the end) is wrong; `expected` says what should be there.
    case syntax(offset: Int, expected: String)
    /// A valid literal whose canonical text would exceed ``JSONNumber/maxDigits`` digits.
    case tooManyDigits(end: Int)
  }

  /// Exponents are accumulated up to this magnitude and then saturate; any
  /// nonzero value with such an exponent is far beyond ``maxDigits`` anyway.
  private static let exponentCap = 1_000_000_000_000

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// Reads the longest number literal starting at `start` and normalises it.
  ///
  /// Stops at the first byte that cannot continue the literal; the caller
  /// decides whether what follows is acceptable.
  static func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
    let n = b.count
    var i = start
    let negative = i < n && b[i] == UInt8(ascii: "-")
    if negative { i += 1 }
    let intStart = i
    guard i < n, isDigit(b[i]) else {
      return .syntax(offset: i, expected: negative ? "a digit after '-'" : "a digit")
    }
    if b[i] == UInt8(ascii: "0") {
      i += 1
      if i < n, isDigit(b[i]) {
        return .syntax(offset: i, expected: "no digit right after a leading 0 (leading zeros are not allowed)")
      }
    } else {
      while i < n, isDigit(b[i]) { i += 1 }
    }
    let intEnd = i
    var fracStart = i
    var fracEnd = i
    if i < n, b[i] == UInt8(ascii: ".") {
      i += 1
      fracStart = i
      guard i < n, isDigit(b[i]) else {
        return .syntax(offset: i, expected: "a digit after the decimal point")
      }
      while i < n, isDigit(b[i]) { i += 1 }
      fracEnd = i
    }
    var exponent = 0
    var hasExponent = false
    if i < n, b[i] | 0x20 == UInt8(ascii: "e") {
      hasExponent = true
      i += 1
      var exponentNegative = false
      if i < n, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
        exponentNegative = b[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < n, isDigit(b[i]) else {
        return .syntax(offset: i, expected: "a digit in the exponent")
      }
      while i < n, isDigit(b[i]) {
        if exponent < exponentCap { exponent = exponent * 10 + Int(b[i] &- UInt8(ascii: "0")) }
        i += 1
      }
      if exponentNegative { exponent = -exponent }
    }
    let end = i
    let intCount = intEnd - intStart
    let fracCount = fracEnd - fracStart

    // Fast path: the literal is already canonical.
    let negativeZero = negative && intCount == 1 && b[intStart] == UInt8(ascii: "0") && fracCount == 0
    if !hasExponent, !negativeZero, fracCount == 0 || b[fracEnd - 1] != UInt8(ascii: "0") {
      guard intCount + fracCount <= maxDigits else { return .tooManyDigits(end: end) }
      let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
      return .number(JSONNumber(canonical: text), end: end)
    }

    // Slow path: the value is D × 10^(exponent - fracCount), D = int ++ frac digits.
    var digits = Array(UnsafeBufferPointer(rebasing: b[intStart..<intEnd]))
    digits.append(contentsOf: UnsafeBufferPointer(rebasing: b[fracStart..<fracEnd]))
    var lo = 0
    while lo < digits.count, digits[lo] == UInt8(ascii: "0") { lo += 1 }
    if lo == digits.count { return .number(JSONNumber(canonical: "0"), end: end) }
    var hi = digits.count
    while digits[hi - 1] == UInt8(ascii: "0") { hi -= 1 }
    let significant = digits[lo..<hi]
    let count = significant.count
    // Power of ten of the last significant digit, and digits before the point.
    let lastPower = exponent - fracCount + (digits.count - hi)
    let integerDigits = count + lastPower
    let length: Int
    if lastPower >= 0 {
      length = count + lastPower
    } else if integerDigits > 0 {
      length = count
    } else {
      length = 1 - integerDigits + count
    }
    guard length <= maxDigits else { return .tooManyDigits(end: end) }

    var out: [UInt8] = []
    out.reserveCapacity(length + 2)
    if negative { out.append(UInt8(ascii: "-")) }
    if lastPower >= 0 {
      out.append(contentsOf: significant)
      out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: lastPower))
    } else if integerDigits > 0 {
      out.append(contentsOf: significant.prefix(integerDigits))
      out.append(UInt8(ascii: "."))
      out.append(contentsOf: significant.dropFirst(integerDigits))
    } else {
      out.append(UInt8(ascii: "0"))
      out.append(UInt8(ascii: "."))
      out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -integerDigits))
      out.append(contentsOf: significant)
    }
    return .number(JSONNumber(canonical: String(decoding: out, as: UTF8.self)), end: end)
  }
}
