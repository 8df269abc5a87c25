import Journal

/// An event named on the command line by its seq or its id.
enum EventKey {
  /// The event `key` names (a seq, or a UUID found through the id side files).
  /// - Throws: ``ServiceError`` `.notFound`, or `.badInput` for a key that is neither a seq nor a UUID.
  static func record(_ key: String, in reader: Reader) throws -> Record {
    if let seq = UInt64(key) { return try reader.record(seq: seq) }
    guard let id = EnvelopeRules.normalizedID(key) else {
      throw ServiceError(.badInput, "'\(key.prefix(60))' is neither a seq (a number) nor an event id (a UUID).")
    }
    guard let target = try reader.record(id: id) else {
      throw ServiceError(.notFound, "There is no event with id \(key) in this journal.")
    }
    return target
  }
}
