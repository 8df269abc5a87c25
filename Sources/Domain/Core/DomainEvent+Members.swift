import Journal

extension DomainEvent {
  /// ``canonical(_:version:)`` of the object whose members are `members`, in
  /// the order written (as ``JSONParser/parseMembers(_:keepingInOrder:)``
  /// gives them): the same bytes, and the same errors, without building the
  /// object's dictionary. Data of the current schema version only.
  ///
  /// The common case (every member a field of the type, each value passing
  /// its rule) is encoded straight from the members; anything else goes
  /// through ``canonical(_:version:)``, so every refusal is word for word
  /// the one it gives.
  ///
  /// ```swift
  /// let (_, data) = try JSONParser.parseMembers(line, keepingInOrder: "data")
  /// let bytes = try BooksDonationCounted.canonical(members: data!)
  /// ```
  /// - Throws: ``DomainError`` as ``canonical(_:version:)`` does.
  public static func canonical(members: [(key: String, value: JSONValue)]) throws(DomainError) -> [UInt8] {
    if let bytes = FieldCheck.canonicalIfValid(members, against: fields) {
      try checkRules(JSONObjectView(bytes[...]))
      return bytes
    }
    var object = [String: JSONValue](minimumCapacity: members.count)
    for (key, value) in members { object[key] = value }
    return try canonical(.object(object))
  }
}
