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
  /// Where each key starts in `bytes`, and its length (inline: read for every member of every event).
  let starts: SIMD16<UInt16>
  let lengths: SIMD16<UInt16>
  /// How many keys.
  public let count: Int

  /// The keys, read later by their index in `names`.
  public init(_ names: [String]) {
    precondition(names.count <= JSONMembers.maxKeys, "JSONKeys holds at most \(JSONMembers.maxKeys) keys")
    var bytes: [UInt8] = []
    var starts = SIMD16<UInt16>(repeating: 0)
    var lengths = SIMD16<UInt16>(repeating: 0)
    for (k, name) in names.enumerated() {
      precondition(name.utf8.allSatisfy { $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }, "JSONKeys: '\(name)' is not a plain ASCII key")
      starts[k] = UInt16(bytes.count)
      lengths[k] = UInt16(name.utf8.count)
      bytes += name.utf8
    }
    self.bytes = bytes
    self.starts = starts
    self.lengths = lengths
    count = names.count
  }
}
