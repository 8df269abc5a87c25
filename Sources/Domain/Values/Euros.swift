import Journal

/// An exact amount of money in euros, held as a whole number of cents.
///
/// No binary floating point anywhere: 4 265 books × 0.10 € is exactly
/// 426.50 €. Arithmetic traps on `Int64` overflow, like `Int64` itself
/// (±92 233 720 368 547 758.07 €).
///
/// ```swift
/// let perBook = Euros(json: JSONNumber(literal: "0.10")!)!
/// let total = perBook * 4265
/// total.description  // "426.50"
/// total.json         // 426.5
/// ```
public struct Euros: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The amount in cents: 42650 is 426.50 €.
  public var cents: Int64

  /// The amount of `cents` cents.
  public init(cents: Int64) {
    self.cents = cents
  }

  /// Zero euros.
  public static let zero = Euros(cents: 0)

  /// The amount a JSON number holds, exactly; nil if it has more than 2
  /// decimals or does not fit. Negative amounts are read as such: whether
  /// they are allowed is the caller's rule.
  public init?(json: JSONNumber) {
    guard let cents = json.exactScaled(maxFractionDigits: 2) else { return nil }
    self.cents = cents
  }

  /// The canonical JSON number: `42650` cents is `426.5`, `100` cents is `1`.
  public var json: JSONValue {
    if cents % 100 == 0 { return .number(JSONNumber(cents / 100)) }
    let magnitude = cents.magnitude
    var text = cents < 0 ? "-" : ""
    text += String(magnitude / 100)
    text += "."
    let fraction = magnitude % 100
    if fraction < 10 { text += "0" }
    text += String(fraction % 10 == 0 ? fraction / 10 : fraction)
    // The text is a valid, canonical literal by construction.
    return .number(JSONNumber(literal: text)!)
  }

  /// Always two decimals, a point, no grouping: `"426.50"`, `"-3.05"`, `"0.00"`.
  public var description: String {
    let magnitude = cents.magnitude
    let fraction = magnitude % 100
    return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
  }

  /// Compares amounts.
  public static func < (a: Euros, b: Euros) -> Bool { a.cents < b.cents }

  /// The sum; traps on overflow.
  public static func + (a: Euros, b: Euros) -> Euros { Euros(cents: a.cents + b.cents) }

  /// Adds `b` to `a`; traps on overflow.
  public static func += (a: inout Euros, b: Euros) { a.cents += b.cents }

  /// `amount × count`, e.g. 0.10 € × 4265 books.
  public static func * (amount: Euros, count: Int64) -> Euros { Euros(cents: amount.cents * count) }

  /// `count × amount`.
  public static func * (count: Int64, amount: Euros) -> Euros { Euros(cents: amount.cents * count) }
}
