/// Why a commit's outcome is unknown: the ``JournalError/cause`` of every
/// ``JournalError/Code/outcomeUnknown`` error. Its flush failed, so the page
/// cache cannot be trusted: the events may or may not be durable. They carry
/// ids drawn before writing, so that appending them again — with the same ids —
/// appends each at most once.
public struct UnknownOutcome: Error, Sendable, CustomStringConvertible {
  /// Each event's id, in the order given.
  public var ids: [String]
  /// The seqs they took, if they were committed.
  public var seqs: Range<UInt64>
  /// A JSON Lines file in `quarantine/` holding the same events with their ids,
  /// to import again (nil if it could not be written either).
  public var retryFile: String?
  /// The failure of the flush.
  public var flush: JournalError

  public var description: String { "outcome unknown for seq \(seqs.lowerBound)…\(seqs.upperBound - 1): \(flush.message)" }

  /// Canonical lines made import envelopes again: without what the journal sets
  /// (`seq`, `version`, `recordedAt`, `prev`, `hash`), with their `id`.
  static func retryLines(_ lines: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for line in lines.split(separator: 0x0A) {
      guard case .object(var members) = try? JSONParser.parse(line) else { continue }
      for key in ["seq", "version", "recordedAt", "prev", "hash"] { members[key] = nil }
      JSONValue.object(members).appendCanonical(to: &out)
      out.append(0x0A)
    }
    return out
  }
}
