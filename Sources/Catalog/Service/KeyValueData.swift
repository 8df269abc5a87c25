import Journal

/// `ess append TYPE key=value…`: turns the pairs into the type's data,
/// each value typed by the catalog (numbers, booleans, dates, lists `a,b,c`).
///
/// ```swift
/// let data = try KeyValueData.parse(type: "books.donation-counted", pairs: ["books=4265", "site=Médiathèque"])
/// ```
public enum KeyValueData {
  public static func parse(type name: String, pairs: [String], base: [String: JSONValue] = [:]) throws(CatalogError) -> JSONValue {
    guard let type = EventCatalog.type(named: name) else {
      _ = try EventCatalog.validate(type: name, data: .object([:]))
      return .object([:])
    }
    var data = base
    var seen: Set<String> = []
    for pair in pairs {
      guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
        throw CatalogError(
          .wrongType, "'\(pair.prefix(60))' is not of the form key=value (e.g. books=4265).", field: nil, given: String(pair.prefix(60)))
      }
      let key = String(pair[..<eq])
      let value = String(pair[pair.index(after: eq)...])
      guard let spec = type.fields.first(where: { $0.name == key }) else {
        let names = type.fields.map(\.name)
        let hint = Suggestion.closest(to: key, among: names, maxDistance: 2).first.map { " Did you mean '\($0)'?" } ?? ""
        throw CatalogError(
          .unknownField, "\(name) has no field '\(key)'.\(hint) Its fields: \(names.joined(separator: ", ")).", field: key)
      }
      guard seen.insert(key).inserted else {
        throw CatalogError(.invalidValue, "Field '\(key)' is given twice.", field: key)
      }
      data[key] = value.isEmpty && !spec.required ? JSONValue.null : try spec.parse(value)
    }
    return .object(data.filter { !$0.value.isNull })
  }

  /// The changes of `ess correct`: typed values, and `null` for `key=` (remove an optional field).
  public static func changes(type name: String, pairs: [String]) throws(CatalogError) -> [String: JSONValue] {
    var out: [String: JSONValue] = [:]
    for pair in pairs {
      let key = String(pair.prefix { $0 != "=" })
      if pair.hasSuffix("=") && pair.count == key.count + 1 {
        out[key] = .null
        continue
      }
      guard case .object(let one) = try parse(type: name, pairs: [pair]) else { continue }
      for (k, v) in one { out[k] = v }
    }
    return out
  }
}
