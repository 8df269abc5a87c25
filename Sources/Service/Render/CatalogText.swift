import Domain

/// `ess types [TYPE]`: the catalog, for people.
public enum CatalogText {
  /// Every type, one line each.
  public static func list() -> String {
    var out = ["Event types (ess types TYPE for its fields and rules):"]
    let width = EventCatalog.types.map { $0.type.count }.max() ?? 20
    for t in EventCatalog.types {
      out.append("  " + t.type + String(repeating: " ", count: width - t.type.count) + "  v\(t.version)  " + t.summary)
    }
    return out.joined(separator: "\n")
  }

  /// One type: its fields, their rules, and an example.
  /// - Throws: ``ServiceError`` for an unknown type (suggesting close names).
  public static func describe(_ name: String) throws(ServiceError) -> String {
    let t: any DomainEvent.Type
    do {
      t = try EventCatalog.kind(named: name).eventType
    } catch {
      throw ServiceError(error)
    }
    var out = ["\(t.type) (schema version \(t.version)): \(t.summary)", "Fields:"]
    for f in t.fields {
      out.append("  \(f.name)\(f.required ? "" : "?")  \(f.kind.label)\(f.help.isEmpty ? "" : " — " + f.help)")
    }
    out.append("Example:")
    out.append("  " + t.example)
    return out.joined(separator: "\n")
  }
}
