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
    let p = (n * 200 / d + 1) / 2  // half-up to a whole percent
    return language == .fr ? "\(p) %" : "\(p)%"
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
