import Journal
import Projections

/// Numbers for people: French (483 442 h ; 426,50 € ; 23 %) or English
/// (483,442 h; €426.50; 23%).
enum NumberFormat {
  static func grouped(_ v: Int64, _ language: BilanLanguage) -> String {
    let digits = String(v.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += language == .fr ? " " : "," }
      out.append(c)
    }
    return (v < 0 ? "-" : "") + out
  }

  static func euros(_ cents: Int64, _ language: BilanLanguage) -> String {
    let units = grouped(cents / 100, language)
    let rest = cents.magnitude % 100
    let decimals = rest < 10 ? "0\(rest)" : "\(rest)"
    return language == .fr ? "\(units),\(decimals) €" : "€\(units).\(decimals)"
  }

  static func percent(_ n: Int64, _ d: Int64, _ language: BilanLanguage) -> String {
    let p = rounded(n, d, by: 100)  // half-up to a whole percent (shares are not negative)
    return language == .fr ? "\(p) %" : "\(p)%"
  }

  /// A change against the year before, signed: "+12 345 h, +3 %", "-2 pts" (shares move in points), "=" for
  /// no change; nil when either year has no value.
  static func change(_ c: Bilan.Change, unit: Bilan.Unit, _ language: BilanLanguage) -> String? {
    let absolute: String
    switch c.absolute {
    case .null: return nil
    case .integer(let d):
      guard d != 0 else { return "=" }
      absolute = sign(d) + value(.integer(Int64(d.magnitude)), unit: unit, language)
    case .cents(let d):
      guard d != 0 else { return "=" }
      absolute = sign(d) + euros(Int64(d.magnitude), language)
    case .fraction(let n, let d):
      let points = rounded(n, d, by: 100)
      guard n != 0 else { return "=" }
      absolute =
        (points == 0 ? (n > 0 ? "+" : "-") : sign(points)) + grouped(Int64(points.magnitude), language) + " pt"
        + (points.magnitude > 1 ? "s" : "")
    case .number(let n):
      guard n.text != "0" else { return "=" }
      let magnitude = n.isNegative ? JSONNumber(literal: n.text.dropFirst()) ?? n : n
      absolute = (n.isNegative ? "-" : "+") + value(.number(magnitude), unit: unit, language)
    }
    guard case .fraction(let n, let d) = c.relative else { return absolute }
    let p = rounded(n, d, by: 100)
    return absolute + ", " + sign(p == 0 ? n : p) + grouped(Int64(p.magnitude), language) + (language == .fr ? " %" : "%")
  }

  static func sign(_ v: Int64) -> String { v < 0 ? "-" : "+" }

  /// n/d × scale, rounded half away from zero (d > 0).
  static func rounded(_ n: Int64, _ d: Int64, by scale: Int64) -> Int64 {
    let (x, overflow) = n.multipliedReportingOverflow(by: scale * 2)
    guard !overflow else { return Int64((Double(n) / Double(d) * Double(scale)).rounded()) }
    let q = x / d
    return q >= 0 ? (q + 1) / 2 : (q - 1) / 2
  }

  /// An indicator's value with its unit; a reported figure in a free unit shows it after the number.
  static func value(_ indicator: Bilan.Indicator, reported: Bilan.Reported?, _ language: BilanLanguage) -> String {
    let shown = value(indicator.value, unit: indicator.unit, language)
    guard indicator.unit == .number, indicator.value != .null, let reported,
      let unit = ReportedLabels.unit(reported.unit, language)
    else { return shown }
    return shown + " " + unit
  }

  static func value(_ v: Bilan.Value, unit: Bilan.Unit, _ language: BilanLanguage) -> String {
    switch v {
    case .null: return "—"
    case .integer(let i):
      switch unit {
      case .hours: return grouped(i, language) + " h"
      default: return grouped(i, language)
      }
    case .cents(let c): return euros(c, language)
    case .fraction(let n, let d): return percent(n, d, language)
    case .number(let n):
      let text = n.text
      var shown: String
      if let dot = text.firstIndex(of: ".") {
        let whole = Int64(text[..<dot]).map { grouped($0, language) } ?? String(text[..<dot])
        shown = whole + (language == .fr ? "," : ".") + text[text.index(after: dot)...]
      } else {
        shown = Int64(text).map { grouped($0, language) } ?? text
      }
      switch unit {
      case .hours: return shown + " h"
      case .eur: return language == .fr ? shown + " €" : "€" + shown
      case .percent: return language == .fr ? shown + " %" : shown + "%"
      case .persons: return shown + (language == .fr ? " personnes" : " people")
      default: return shown
      }
    }
  }
}
