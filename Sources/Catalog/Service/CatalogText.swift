/// `ess types [TYPE]`: the catalog, for people.
public enum CatalogText {
  public static func list() -> String {
    var out = ["Event types (ess types TYPE for its fields and rules):"]
    let width = EventCatalog.types.map { $0.type.count }.max() ?? 20
    for t in EventCatalog.types {
      out.append("  " + t.type + String(repeating: " ", count: width - t.type.count) + "  v\(t.version)  " + t.summary)
    }
    return out.joined(separator: "\n")
  }

  public static func describe(_ name: String) throws(CatalogError) -> String {
    guard let t = EventCatalog.type(named: name) else {
      _ = try EventCatalog.validate(type: name, data: .object([:]))
      return ""
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
