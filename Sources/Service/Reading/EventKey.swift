import Journal

/// An event named on the command line by its seq or its id.
enum EventKey {
  /// The event `key` names (a seq, or a UUID looked up by a pass over the journal).
  /// - Throws: ``ServiceError`` `.notFound`, or `.badInput` for a key that is neither a seq nor a UUID.
  static func record(_ key: String, in reader: Reader) throws -> Record {
    if let seq = UInt64(key) { return try reader.record(seq: seq) }
    guard let id = EnvelopeRules.normalizedID(key) else {
      throw ServiceError(.badInput, "'\(key.prefix(60))' is neither a seq (a number) nor an event id (a UUID).")
    }
    var target: Record?
    try reader.forEach { r in if target == nil && r.id == id { target = r.detached() } }
    guard let target else { throw ServiceError(.notFound, "There is no event with id \(key) in this journal.") }
    return target
  }
}
