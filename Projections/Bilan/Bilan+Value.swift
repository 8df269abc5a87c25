extension Bilan.Value {
  /// Whether both are the same value: fractions compared as numbers (1/1 is
  /// 2/2), the rest exactly; `null` only equals `null`.
  public func isSameValue(as other: Bilan.Value) -> Bool {
    switch (self, other) {
    case (.fraction(let a, let b), .fraction(let c, let d)):
      // b, d > 0: a/b = c/d ⇔ a·d = c·b (exact in 128 bits).
      return a.multipliedFullWidth(by: d) == c.multipliedFullWidth(by: b)
    default:
      return self == other
    }
  }
}
