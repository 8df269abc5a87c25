import Journal

extension JSONValue {
  /// This object without its `null` members (optional fields given as
  /// `null` are the same as absent). Other values are returned unchanged;
  /// no copy is made when there is no `null` member.
  func droppingNullMembers() -> JSONValue {
    guard case .object(let members) = self, members.values.contains(where: \.isNull) else { return self }
    return .object(members.filter { !$0.value.isNull })
  }
}
