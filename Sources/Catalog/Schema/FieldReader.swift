import Journal

/// Checks event data against its field specs, then hands out typed values.
///
/// The initializer refuses: data that is not an object; a field no spec
/// names (suggesting the closest known name); a required field absent or
/// `null`; a value of the wrong kind. After it succeeds the typed getters
/// cannot fail: asking for a field that was not declared, or with the
/// wrong getter, is a programming error and traps.
///
/// ```swift
/// let r = try FieldReader(data: ["books": 4265], fields: BooksDonationCounted.fields)
/// r.count("books")         // 4265
/// r.optionalText("site")   // nil
/// ```
public struct FieldReader: Sendable {
  /// The members of the data object, as given.
  public let members: [String: JSONValue]
  /// The specs the data was checked against.
  public let fields: [FieldSpec]
  /// The value of each spec, by index in ``fields``; nil if absent or `null`.
  private let values: [JSONValue?]

  /// Checks `data` against `fields`; throws the first problem (unknown fields first).
  public init(data: JSONValue, fields: [FieldSpec]) throws(CatalogError) {
    guard case .object(let members) = data else { throw .notAnObject(data) }
    // One pass over the members and name comparisons, no hashing: this is
    // the hot path of every append and import.
    var values = [JSONValue?](repeating: nil, count: fields.count)
    for (name, value) in members {
      guard let index = Self.index(of: name, in: fields) else {
        throw Self.unknownFieldError(members, fields)
      }
      if !value.isNull { values[index] = value }
    }
    for index in fields.indices {
      let spec = fields[index]
      if let value = values[index] {
        try spec.kind.check(value, field: spec.name)
      } else if spec.required {
        throw .missing(spec, given: members[spec.name])
      }
    }
    self.members = members
    self.fields = fields
    self.values = values
  }

  @inline(__always)
  static func index(of name: String, in fields: [FieldSpec]) -> Int? {
    // Comparing the byte counts first (O(1) for native strings) skips most
    // full comparisons: field names of one type rarely share a length.
    let count = name.utf8.count
    for index in fields.indices {
      let candidate = fields[index].name
      if candidate.utf8.count == count && candidate == name { return index }
    }
    return nil
  }

  /// The error for the first unknown member, in key order (so it does not
  /// depend on dictionary order).
  private static func unknownFieldError(_ members: [String: JSONValue], _ fields: [FieldSpec]) -> CatalogError {
    let names = fields.map(\.name)
    let unknown = members.keys.filter { !names.contains($0) }
    let first = unknown.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })!
    return .unknownField(first, known: names)
  }

  /// The value of `name` unless absent or `null`.
  @inline(__always)
  func present(_ name: String) -> JSONValue? {
    guard let index = Self.index(of: name, in: fields) else {
      preconditionFailure("Catalog bug: field '\(name)' is not declared")
    }
    return values[index]
  }

  /// The value of a required field; traps if absent (a catalog bug: the field is not declared required).
  @inline(__always)
  func required(_ name: String) -> JSONValue {
    guard let value = present(name) else { preconditionFailure("Catalog bug: field '\(name)' is not a declared required field") }
    return value
  }
}
