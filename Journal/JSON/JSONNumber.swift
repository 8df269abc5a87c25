/// A JSON number held exactly, as canonical decimal text (never a `Double`).
///
/// The canonical text matches `-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?`: no
/// exponent, no leading zeros, no trailing zeros after the point, no point
/// without a fraction, and no negative zero (`-0` becomes `0`). Because every
/// value has exactly one canonical text, equality and hashing by ``text`` are
/// equality and hashing by numeric value: `1.50`, `15e-1` and `1.5` are equal.
///
/// The canonical text may hold at most ``maxDigits`` digits (sign and point
/// not counted), so a literal such as `1e1000000` is refused rather than
/// expanded into a million zeros.
///
/// ```swift
/// let price = JSONNumber(literal: "4.265e2")!  // text "426.5"
/// price.scaled(by: 2)                          // 42650
/// JSONNumber(scaledInteger: 42650, scale: 2)   // "426.5"
/// ```
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
  /// The most digits a canonical text may hold, counting every digit (leading
  /// `0` and padding zeros included) but not the sign or the decimal point.
  public static let maxDigits = 64

  /// The canonical decimal text, e.g. `"-0.025"`, `"1000"`, `"0"`.
  public let text: String

  /// Wraps text the caller guarantees is already canonical.
  init(canonical text: String) {
    self.text = text
  }

  /// Reads an RFC 8259 number literal (`-?int frac? exp?`) and normalises it.
  ///
  /// Returns `nil` if `literal` is not exactly one JSON number literal (no
  /// surrounding whitespace, no `+` sign, no leading zeros, no `NaN`), or if
  /// its canonical text would need more than ``maxDigits`` digits.
  public init?(literal: some StringProtocol) {
    let bytes = Array(literal.utf8)
    let scan = bytes.withUnsafeBufferPointer { JSONNumber.scan($0, from: 0) }
    guard case .number(let number, let end) = scan, end == bytes.count else { return nil }
    self = number
  }

  /// The integer `value`, exactly.
  public init(_ value: Int64) {
    self.text = String(value)
  }

  /// The value `scaledInteger × 10^(-scale)`, e.g. `(42650, 2)` is `426.5`
  /// and `(42, -2)` is `4200`.
  ///
  /// Returns `nil` only if the canonical text would exceed ``maxDigits`` digits.
  public init?(scaledInteger: Int64, scale: Int) {
    if scaledInteger == 0 {
      self.init(canonical: "0")
      return
    }
    guard scale > Int.min else { return nil }
    self.init(literal: "\(scaledInteger)e\(-scale)")
  }

  public var description: String { text }

  /// Whether the value is below zero (zero itself is never negative).
  public var isNegative: Bool { text.utf8.first == UInt8(ascii: "-") }

  /// Whether the value has no fractional part.
  public var isInteger: Bool { !text.utf8.contains(UInt8(ascii: ".")) }

  /// How many digits follow the decimal point (0 for integers).
  public var fractionDigits: Int {
    var count = 0
    var seenPoint = false
    for byte in text.utf8 {
      if seenPoint {
        count += 1
      } else if byte == UInt8(ascii: ".") {
        seenPoint = true
      }
    }
    return count
  }

  /// The value as an `Int64`, or `nil` if it has a fraction or does not fit.
  public var int64Value: Int64? { scaled(by: 0) }

  /// The value × 10^`power`, exactly, if that is an integer that fits in `Int64`.
  ///
  /// `426.5` scaled by 2 is `42650`; `1.234` scaled by 2 is `nil` (not an
  /// integer); `4200` scaled by -2 is `42`.
  public func scaled(by power: Int) -> Int64? {
    if text == "0" { return 0 }
    // The value is D × 10^(-fractionDigits), with D the digits without sign or point.
    var digits: [UInt8] = []
    digits.reserveCapacity(text.utf8.count)
    for byte in text.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
      digits.append(byte &- UInt8(ascii: "0"))
    }
    let (shift, overflow) = power.subtractingReportingOverflow(fractionDigits)
    guard !overflow else { return nil }
    var keep = digits.count
    var zerosToAppend = 0
    if shift >= 0 {
      zerosToAppend = shift
    } else {
      // Dividing by 10^(-shift): the dropped digits must all be zero.
      guard shift >= -digits.count else { return nil }
      keep = digits.count + shift
      guard digits[keep...].allSatisfy({ $0 == 0 }) else { return nil }
    }
    // D ≥ 1 here, so 20 or more appended zeros cannot fit in 64 bits.
    guard zerosToAppend < 20 else { return nil }
    var magnitude: UInt64 = 0
    for index in 0..<(keep + zerosToAppend) {
      let digit = index < keep ? UInt64(digits[index]) : 0
      let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(digit)
      guard !o1, !o2 else { return nil }
      magnitude = sum
    }
    if isNegative {
      if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
      guard magnitude <= UInt64(Int64.max) else { return nil }
      return -Int64(magnitude)
    }
    guard magnitude <= UInt64(Int64.max) else { return nil }
    return Int64(magnitude)
  }
}
