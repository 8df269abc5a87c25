import Domain
import Journal

/// What `ess append`, `ess correct` and `ess retract` do, each in one call:
/// open the ledger, type the values, append through every rule.
///
/// ```swift
/// let done = try Appending.append(
///   journal: "journal", type: "books.donation-counted", pairs: ["books=4265"], occurredOn: "2022-12-31", author: "c.muller")
/// print(done.seq, done.hash)
/// ```
public enum Appending {
  /// Appends one event whose fields are `key=value` pairs (over `json`, a JSON object, if given).
  ///
  /// - Parameters:
  ///   - occurredOn: its valid time; nil for today in Europe/Paris.
  ///   - id: a UUID of the caller's, so that a retry never appends twice.
  /// - Returns: its seq, id and hash (`existed` if it was already in the journal).
  /// - Throws: ``ServiceError``; nothing was written.
  public static func append(
    journal: String, type: String, pairs: [String], json: String? = nil, occurredOn: String? = nil, author: String,
    source: String? = nil, reason: String? = nil, id: String? = nil
  ) throws(ServiceError) -> Appended {
    var base: [String: JSONValue] = [:]
    if let json {
      do {
        base = try JSONParser.parseObject(Array(json.utf8))
      } catch {
        throw ServiceError(.badInput, "--data must be a JSON object: \(error.message)", at: .init(field: "data"), cause: error)
      }
    }
    let data = try KeyValueData.parse(type: type, pairs: pairs, base: base)
    let event = NewEvent(
      id: id, type: type, occurredOn: occurredOn ?? Today.inParis(), author: author, source: source, reason: reason, data: data)
    return try Ledger(journal: journal).append([event])[0]
  }

  /// Corrects event `seq`: the fields given as `key=value` change (`key=` removes an optional one), the others stay.
  /// - Throws: ``ServiceError``; nothing was written.
  public static func correct(
    journal: String, seq: UInt64, pairs: [String], occurredOn: String? = nil, author: String, reason: String, source: String? = nil
  ) throws(ServiceError) -> Appended {
    let ledger = try Ledger(journal: journal)
    let current = try ledger.effective(seq: seq)
    let changes = try KeyValueData.changes(type: current.record.type, pairs: pairs)
    return try ledger.correct(
      current, changes: changes, occurredOn: occurredOn, author: author, reason: reason, source: source, today: Today.inParis())
  }

  /// Retracts event `seq`.
  /// - Throws: ``ServiceError``; nothing was written.
  public static func retract(journal: String, seq: UInt64, author: String, reason: String, source: String? = nil) throws(ServiceError)
    -> Appended
  {
    try Ledger(journal: journal).retract(seq: seq, author: author, reason: reason, source: source, today: Today.inParis())
  }
}
