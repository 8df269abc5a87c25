import Domain
import Journal

/// `ess append TYPE key=value…`: turns the pairs into the type's data,
/// each value typed by the catalog (numbers, booleans, dates, lists `a,b,c`).
///
/// ```swift
/// let data = try KeyValueData.parse(type: "books.donation-counted", pairs: ["books=4265", "site=Médiathèque"])
/// ```
public enum KeyValueData {
  /// The data of `pairs`, over `base` (e.g. from `--data`).
  /// - Throws: ``ServiceError`` for an unknown type or field, a pair given twice, or a value its field's kind refuses.
  public static func parse(type name: String, pairs: [String], base: [String: JSONValue] = [:]) throws(ServiceError) -> JSONValue {
    let type: any DomainEvent.Type
    do {
      type = try EventCatalog.kind(named: name).eventType
    } catch {
      throw ServiceError(error)
    }
    var data = base
    var seen: Set<String> = []
    for pair in pairs {
      guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
        throw ServiceError(.badInput, "'\(pair.prefix(60))' is not of the form key=value (e.g. books=4265).")
      }
      let key = String(pair[..<eq])
      let value = String(pair[pair.index(after: eq)...])
      guard let spec = type.fields.first(where: { $0.name == key }) else {
        let names = type.fields.map(\.name)
        let hint = Suggestion.closest(to: key, among: names, maxDistance: 2).first.map { " Did you mean '\($0)'?" } ?? ""
        throw ServiceError(
          .badInput, "\(name) has no field '\(key)'.\(hint) Its fields: \(names.joined(separator: ", ")).", at: .init(field: key))
      }
      guard seen.insert(key).inserted else {
        throw ServiceError(.badInput, "Field '\(key)' is given twice.", at: .init(field: key))
      }
      do {
        data[key] = value.isEmpty && !spec.required ? JSONValue.null : try spec.parse(value)
      } catch {
        throw ServiceError(error)
      }
    }
    return .object(data.filter { !$0.value.isNull })
  }

  /// The changes of `ess correct`: typed values, and `null` for `key=` (remove an optional field).
  /// - Throws: ``ServiceError`` as ``parse(type:pairs:base:)``.
  public static func changes(type name: String, pairs: [String]) throws(ServiceError) -> [String: JSONValue] {
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
