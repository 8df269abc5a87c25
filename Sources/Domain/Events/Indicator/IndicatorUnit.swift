/// The standard units of `indicator.reported` (schema version 2) and the
/// spellings version 1 allowed for them.
///
/// ```swift
/// IndicatorUnit.standard(for: "heures")  // "hours"
/// IndicatorUnit.standard(for: "visits")  // nil: not a known spelling, kept as is
/// ```
public enum IndicatorUnit {
  /// A standard unit.
  public enum Standard: String, CaseIterable, Sendable {
    case persons, hours
    case eur = "EUR"
    case percent
  }

  /// The standard units, in `ess types` order.
  public static let standardUnits = Standard.allCases.map(\.rawValue)

  /// The standard unit a spelling stands for (case and surrounding spaces
  /// ignored; standard units map to themselves), or nil if unknown.
  public static func standard(for spelling: String) -> String? {
    let key = String(spelling.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
    return aliases[key]
  }

  private static let aliases: [String: String] = {
    var table: [String: String] = [:]
    let spellings: [String: [String]] = [
      Standard.hours.rawValue: ["hours", "hour", "h", "hr", "hrs", "heure", "heures"],
      Standard.persons.rawValue: ["persons", "person", "people", "personne", "personnes", "pers", "pers."],
      Standard.eur.rawValue: ["eur", "€", "euro", "euros"],
      Standard.percent.rawValue: ["percent", "%", "pct", "pourcent", "pour cent", "pourcentage"],
    ]
    for (unit, names) in spellings {
      for name in names { table[name] = unit }
    }
    return table
  }()
}
