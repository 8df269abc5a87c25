import Journal

/// `ess demo`: materialises the bundled history as a real journal, each
/// event appended through the writer with a transaction time as if it had
/// been entered the day after it happened.
public enum Demo {
  public struct Result: Sendable {
    public var appended: Int
    public var head: (seq: UInt64, hash: ChainHash)
  }

  /// Creates a journal at `path` (new or empty folder) holding ``SeedHistory/events``.
  public static func materialise(at path: String) throws -> Result {
    try Writer.create(at: path)
    let ledger = try Ledger(journal: path)
    var events = SeedHistory.events.sorted { $0.occurredOn < $1.occurredOn }
    for i in events.indices {
      // Fixed ids, so the demo journal (and its hashes) is the same on every machine.
      let n = String(i + 1)
      events[i].id = "5eed0000-0000-4000-8000-" + String(repeating: "0", count: 12 - n.count) + n
      let day = CivilDate(iso: events[i].occurredOn.prefix(10))!
      events[i].recordedAt = Timestamp(millisecondsSince1970: (day.daysSince1970 + 1) * 86_400_000 + 9 * 3_600_000)
    }
    var last: Appended? = nil
    for event in events { last = try ledger.append([event]).last }
    return Result(appended: events.count, head: (last?.seq ?? 0, last?.hash ?? .zero))
  }
}
