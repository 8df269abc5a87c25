/// A chart of yearly series, drawn as an accessible inline SVG (no script, no
/// font of its own): bars, stacked bars, a line, or bars with a line on a
/// second axis (a share, in percent). A year whose value was not recorded is
/// drawn as such ("n.d." on the axis), never as a fall to zero; the data is
/// also handed out as a table for screen readers.
///
/// ```swift
/// let chart = SVGChart(id: "insertion", title: "Heures d'insertion", years: [2021, 2022],
///                      series: [.init(name: "Heures", values: [nil, 483_442])], kind: .bars, language: .fr)
/// chart.svg   // "<svg role=\"img\" …"
/// ```
public struct SVGChart: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case bars, stackedBars, line
    /// Bars for the first series, and the last series (a share in [0, 1]) as a line on a right axis in percent.
    case barsAndShareLine
  }

  public struct Series: Sendable, Equatable {
    public var name: String
    /// One per year; nil: not recorded that year.
    public var values: [Double?]
    public init(name: String, values: [Double?]) {
      self.name = name
      self.values = values
    }
  }

  public var id: String
  public var title: String
  public var description: String
  public var years: [Int]
  public var series: [Series]
  public var kind: Kind
  public var language: BilanLanguage
  /// How values are written on the axis and in the table (default: grouped integers).
  public var unit: Unit

  public enum Unit: Sendable, Equatable { case count, hours, euros }

  public init(
    id: String, title: String, description: String = "", years: [Int], series: [Series], kind: Kind, language: BilanLanguage,
    unit: Unit = .count
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.years = years
    self.series = series
    self.kind = kind
    self.language = language
    self.unit = unit
  }

  // Geometry (user units): the SVG scales to its container.
  static let width = 640.0
  static let height = 300.0
  static let left = 84.0
  static let right = 56.0
  static let top = 16.0
  static let bottom = 48.0
  /// Colours with at least 4.5:1 contrast on white (WCAG AA for the text drawn with them).
  static let palette = ["#1f5f8b", "#b5432a", "#3d6b21", "#6b4c9a"]

  var plotWidth: Double { Self.width - Self.left - Self.right }
  var plotHeight: Double { Self.height - Self.top - Self.bottom }

  /// The values the left axis must reach: the largest bar (or stack), point.
  var maximum: Double {
    let barSeries = kind == .barsAndShareLine ? Array(series.dropLast()) : series
    if kind == .stackedBars {
      return years.indices.map { i in barSeries.reduce(0.0) { $0 + max(0, $1.values[i] ?? 0) } }.max() ?? 0
    }
    return barSeries.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
  }

  /// A "nice" axis top (1, 2 or 5 × 10^k at or above `value`), and its step for 5 intervals at most.
  static func axis(_ value: Double) -> (top: Double, step: Double) {
    guard value > 0 else { return (1, 1) }
    var magnitude = 1.0
    while magnitude * 10 <= value { magnitude *= 10 }
    while magnitude > value { magnitude /= 10 }
    for m in [1.0, 2, 5, 10] where m * magnitude >= value {
      let top = m * magnitude
      let step = [top / 5, top / 4, top / 2].first { isRound($0) } ?? top / 5
      return (top, step)
    }
    return (10 * magnitude, 2 * magnitude)
  }

  static func isRound(_ v: Double) -> Bool {
    var m = 1.0
    while m * 10 <= v { m *= 10 }
    return [1.0, 2, 2.5, 5].contains { abs(v - $0 * m) < 1e-9 * m }
  }

  /// A value as the axis and table write it.
  func label(_ v: Double) -> String {
    let rounded = Int64(v.rounded())
    switch unit {
    case .count: return NumberFormat.grouped(rounded, language)
    case .hours: return NumberFormat.grouped(rounded, language) + " h"
    case .euros: return language == .fr ? NumberFormat.grouped(rounded, language) + " €" : "€" + NumberFormat.grouped(rounded, language)
    }
  }

  func percent(_ share: Double) -> String {
    let p = Int64((share * 100).rounded())
    return language == .fr ? "\(p) %" : "\(p)%"
  }

  static func number(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int64(r)) : String(r)
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}
