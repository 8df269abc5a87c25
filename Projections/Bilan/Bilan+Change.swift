import Journal

extension Bilan {
  /// The changes of every indicator of `self` against `previous` (the bilan of the year before), in `self`'s order.
  public func changes(since previous: Bilan) -> [Change] {
    indicators.map { i in Self.change(key: i.key, unit: i.unit, value: i.value, previous: previous.value(i.key) ?? .null) }
  }

  /// The change of one value, exactly (integers, cents, fractions, decimals).
  public static func change(key: String, unit: Unit, value: Value, previous: Value) -> Change {
    var change = Change(key: key, previous: previous, absolute: .null, relative: .null)
    switch (value, previous) {
    case (.integer(let a), .integer(let b)):
      change.absolute = .integer(a &- b)
      change.relative = relative(a &- b, b)
    case (.cents(let a), .cents(let b)):
      change.absolute = .cents(a &- b)
      change.relative = relative(a &- b, b)
    case (.fraction(let a, let b), .fraction(let c, let d)):
      // a/b − c/d = (ad − cb) / bd; b, d > 0.
      let (n, o1) = a.multipliedReportingOverflow(by: d)
      let (m, o2) = c.multipliedReportingOverflow(by: b)
      let (den, o3) = b.multipliedReportingOverflow(by: d)
      if !o1 && !o2 && !o3 { change.absolute = .fraction(n &- m, den) }
    case (.number(let a), .number(let b)):
      let scale = max(a.fractionDigits, b.fractionDigits)
      if let x = a.scaled(by: scale), let y = b.scaled(by: scale), let d = JSONNumber(scaledInteger: x &- y, scale: scale) {
        change.absolute = .number(d)
        change.relative = relative(x &- y, y)
      }
    default:
      break
    }
    return change
  }

  /// `difference / |base|` as a fraction with a positive denominator, or null for a base of 0.
  static func relative(_ difference: Int64, _ base: Int64) -> Value {
    base == 0 || base == .min ? .null : .fraction(difference, abs(base))
  }
}
