import Journal

extension FieldCheck {
  /// The canonical bytes of the object of `members` (keys unique, as the
  /// parser leaves them) when ``check(_:against:)`` would pass it: every
  /// member a field of `fields`, no required field absent or `null`, every
  /// value passing its kind's rule. Nil otherwise, for the caller to take
  /// the path that says what is wrong.
  static func canonicalIfValid(_ members: [(key: String, value: JSONValue)], against fields: [FieldSpec]) -> [UInt8]? {
    // The member of each field, if given and not null (nulls are dropped, as absent).
    var given = [Int](repeating: -1, count: fields.count)
    var present: [Int] = []
    present.reserveCapacity(members.count)
    for (m, member) in members.enumerated() {
      guard let index = index(of: member.key, in: fields) else { return nil }
      if !member.value.isNull {
        given[index] = m
        present.append(index)
      }
    }
    for index in fields.indices {
      let spec = fields[index]
      if given[index] >= 0 {
        do { try spec.kind.check(members[given[index]].value, field: spec.name) } catch { return nil }
      } else if spec.required {
        return nil
      }
    }
    // Members sorted by their keys' UTF-8 bytes (rule 6 of the canonical encoding); a few, so an insertion sort.
    // The keys as given (a key may equal a field's name as Swift compares strings, not byte for byte).
    for k in present.indices.dropFirst() {
      let item = present[k]
      var j = k
      while j > 0, members[given[item]].key.utf8.lexicographicallyPrecedes(members[given[present[j - 1]]].key.utf8) {
        present[j] = present[j - 1]
        j -= 1
      }
      present[j] = item
    }
    var out: [UInt8] = []
    out.reserveCapacity(16 + present.count * 24)
    out.append(UInt8(ascii: "{"))
    for (n, index) in present.enumerated() {
      if n > 0 { out.append(UInt8(ascii: ",")) }
      JSONValue.appendCanonicalString(members[given[index]].key, to: &out)
      out.append(UInt8(ascii: ":"))
      members[given[index]].value.appendCanonical(to: &out)
    }
    out.append(UInt8(ascii: "}"))
    return out
  }
}
