import Journal

/// Checks event data against its field specs, field by field.
///
/// Refuses: data that is not an object; a field no spec names (suggesting
/// the closest known name); a required field absent or `null`; a value of the
/// wrong kind or breaking its kind's rule. The rules *between* fields are
/// each type's own (``DomainEvent/checkRules(_:)``).
///
/// ```swift
/// try FieldCheck.check(["books": 4265], against: BooksDonationCounted.fields)   // passes
/// try FieldCheck.check(["bokks": 4265], against: BooksDonationCounted.fields)   // throws: did you mean 'books'?
/// ```
enum FieldCheck {
  /// Throws the first problem of `data` (unknown fields first).
  static func check(_ data: JSONValue, against fields: [FieldSpec]) throws(DomainError) {
    guard case .object(let members) = data else { throw .notAnObject(data) }
    // One pass over the members and name comparisons, no hashing: this is
    // the hot path of every append and import.
    var values = [JSONValue?](repeating: nil, count: fields.count)
    for (name, value) in members {
      guard let index = index(of: name, in: fields) else {
        throw unknownFieldError(members, fields)
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
  private static func unknownFieldError(_ members: [String: JSONValue], _ fields: [FieldSpec]) -> DomainError {
    let names = fields.map(\.name)
    let unknown = members.keys.filter { !names.contains($0) }
    let first = unknown.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })!
    return .unknownField(first, known: names)
  }
}
