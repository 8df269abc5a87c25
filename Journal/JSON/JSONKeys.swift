/// A fixed list of member names (at most ``JSONMembers/maxKeys``, ASCII),
/// laid out once so that ``JSONObjectView/members(_:)-(JSONKeys)`` can find
/// them all in one pass over an object, for every event folded.
///
/// ```swift
/// static let keys = JSONKeys(["amountEUR", "socialClause"])
/// let m = data.members(Self.keys)
/// m.scaled(0, by: 2)   // cents
/// ```
public struct JSONKeys: Sendable {
  let bytes: [UInt8]
  let starts: [Int]
  let lengths: [Int]

  /// The keys, read later by their index in `names`.
  public init(_ names: [String]) {
    precondition(names.count <= JSONMembers.maxKeys, "JSONKeys holds at most \(JSONMembers.maxKeys) keys")
    var bytes: [UInt8] = []
    var starts: [Int] = []
    var lengths: [Int] = []
    for name in names {
      precondition(name.utf8.allSatisfy { $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }, "JSONKeys: '\(name)' is not a plain ASCII key")
      starts.append(bytes.count)
      lengths.append(name.utf8.count)
      bytes += name.utf8
    }
    self.bytes = bytes
    self.starts = starts
    self.lengths = lengths
  }

  /// How many keys.
  public var count: Int { starts.count }
}
