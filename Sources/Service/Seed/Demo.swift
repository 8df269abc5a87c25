import Journal

/// `ess demo`: materialises the bundled history as a real journal, appended
/// through the ledger (every catalog and integrity rule checked) with the
/// recording times of the history — events recorded at the same instant
/// (one import of the time) form one commit.
public enum Demo {
  public struct Result: Sendable {
    public var appended: Int
    public var commits: Int
    public var head: (seq: UInt64, hash: ChainHash)
  }

  /// Creates a journal at `path` (a new or empty folder) holding ``SeedHistory``.
  /// - Throws: ``ServiceError`` if the folder is not empty, or the journal cannot be written.
  public static func materialise(at path: String) throws(ServiceError) -> Result {
    try JournalAdmin.create(at: path)
    let ledger = try Ledger(journal: path)
    let events = try SeedHistory.events()
    var result = Result(appended: 0, commits: 0, head: (0, .zero))
    var start = 0
    while start < events.count {
      var end = start + 1
      while end < events.count && events[end].recordedAt == events[start].recordedAt { end += 1 }
      let done = try ledger.append(Array(events[start..<end]))
      result.appended += done.count
      result.commits += 1
      if let last = done.last { result.head = (last.seq, last.hash) }
      start = end
    }
    return result
  }
}
