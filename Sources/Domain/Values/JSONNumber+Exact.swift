import Journal

/// Allocation-free readings of canonical number text, for the hot path of
/// validation (``JSONNumber/scaled(by:)`` is exact too, but allocates).
extension JSONNumber {
  /// The value as an `Int64` if it is an integer that fits; nil otherwise.
  var exactInt64: Int64? {
    exactScaled(maxFractionDigits: 0)
  }

  /// The value × 10^`maxFractionDigits` if it has at most that many decimals
  /// and fits in an `Int64`; nil otherwise.
  ///
  /// Relies on the canonical text: `-?digits(.digits)?`, no exponent.
  func exactScaled(maxFractionDigits: Int) -> Int64? {
    var magnitude: UInt64 = 0
    var negative = false
    var fractionDigits = -1  // -1 until the point is seen
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "-"):
        negative = true
      case UInt8(ascii: "."):
        fractionDigits = 0
      default:
        if fractionDigits >= 0 {
          fractionDigits += 1
          if fractionDigits > maxFractionDigits { return nil }
        }
        let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
        if o1 || o2 { return nil }
        magnitude = sum
      }
    }
    for _ in max(fractionDigits, 0)..<maxFractionDigits {
      let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      magnitude = times10
    }
    if negative {
      if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
      return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }
}
