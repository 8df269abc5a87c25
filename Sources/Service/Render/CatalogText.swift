import Domain

/// `ess types [TYPE]`: the catalog, for people.
public enum CatalogText {
  /// Every type, one line each (in English by default, as the catalog's own words).
  public static func list(language: BilanLanguage = .en) -> String {
    let fr = language == .fr
    var out = [
      fr
        ? "Types d'événements (ess types TYPE pour leurs champs et leurs règles) :"
        : "Event types (ess types TYPE for its fields and rules):"
    ]
    let width = EventCatalog.types.map { $0.type.count }.max() ?? 20
    for t in EventCatalog.types {
      out.append("  " + t.type + String(repeating: " ", count: width - t.type.count) + "  v\(t.version)  " + (fr ? t.summaryFR : t.summary))
    }
    return out.joined(separator: "\n")
  }

  /// One type: its fields, their rules, and an example.
  /// - Throws: ``ServiceError`` for an unknown type (suggesting close names).
  public static func describe(_ name: String, language: BilanLanguage = .en) throws(ServiceError) -> String {
    let t: any DomainEvent.Type
    do {
      t = try EventCatalog.kind(named: name).eventType
    } catch {
      throw ServiceError(error)
    }
    let fr = language == .fr
    var out = [
      fr ? "\(t.type) (version de schéma \(t.version)) : \(t.summaryFR)" : "\(t.type) (schema version \(t.version)): \(t.summary)",
      fr ? "Champs (? : facultatif ; [libellé de colonne des tableaux]) :" : "Fields:",
    ]
    for f in t.fields {
      let help = fr ? f.helpFR : f.help
      // In French, the column label of tables and templates after the name.
      let column = fr && f.labelFR != f.name ? " [\(f.labelFR)]" : ""
      out.append("  \(f.name)\(f.required ? "" : "?")\(column)  \(fr ? f.kind.labelFR : f.kind.label)\(help.isEmpty ? "" : " — " + help)")
    }
    out.append(fr ? "Exemple :" : "Example:")
    out.append("  " + t.example)
    return out.joined(separator: "\n")
  }
}
