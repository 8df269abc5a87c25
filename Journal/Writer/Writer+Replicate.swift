extension Writer {
  /// Appends events given as canonical lines (without newline) of another
  /// journal, byte for byte: same seqs, ids, times and hashes — what a mirror
  /// does. Each line must decode, and the writer's own encoding of it after
  /// this journal's head must give its very hash (so the same bytes: canonical,
  /// and the next link of the chain); the whole batch is one commit, or nothing.
  /// - Throws: `.invalidInput` naming the first line that does not fit (nothing written); the writer's errors.
  @discardableResult
  public func replicate(_ lines: [[UInt8]]) throws(JournalError) -> [Appended] {
    guard !lines.isEmpty else { return [] }
    var events: [NewEvent] = []
    events.reserveCapacity(lines.count)
    var records: [Record] = []
    for (i, line) in lines.enumerated() {
      let record: Record
      do { record = try Record(canonicalLine: line) } catch {
        throw JournalError(.invalidInput, "Line \(i + 1) to replicate is not an event line: \(error.message)", at: .init(line: i + 1))
      }
      var event = NewEvent(
        id: record.id, type: record.type, version: record.version, occurredOn: record.occurredOn, author: record.author,
        source: record.source, reason: record.reason, data: .null, recordedAt: record.recordedAt)
      event.payload = .canonical(Array(record.dataBytes), checked: true)
      events.append(event)
      records.append(record.detached())
    }
    do {
      return try append(events) { preview in
        // The writer has encoded the batch after its own head: each hash must be the line's own.
        for (i, record) in records.enumerated() {
          let made = preview.results[i]
          guard made.seq == record.seq, !made.existed, made.hash == record.hash, made.recordedAt == record.recordedAt else {
            throw JournalError(
              .invalidInput,
              "Line \(i + 1) to replicate (seq \(record.seq)) is not what this journal would write at seq \(made.seq): not canonical, or not the next link of its chain.",
              at: .init(line: i + 1))
          }
        }
      }
    } catch let error as JournalError {
      throw error
    } catch {
      throw JournalError(.ioFailure, "Unexpected failure: \(error).")
    }
  }
}
