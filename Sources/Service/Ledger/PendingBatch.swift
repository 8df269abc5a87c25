import Domain
import Journal

/// A batch being checked, with the seqs the writer gave its new events: the
/// events a correction refers to come from it or from the journal.
struct PendingBatch: Sendable {
  let events: [NewEvent]
  let preview: BatchPreview
  /// Batch index of the new event with seq headSeq + 1 + k (events already present take no seq).
  let newIndex: [Int]

  init(_ events: [NewEvent], _ preview: BatchPreview) {
    self.events = events
    self.preview = preview
    var index: [Int] = []
    for (i, r) in preview.results.enumerated() where !r.existed && r.seq > preview.headSeq { index.append(i) }
    newIndex = index
  }

  /// The batch index of the new event that takes `seq`, or nil if it is not a new one.
  func index(ofSeq seq: UInt64) -> Int? {
    let head = preview.headSeq
    guard seq > head, seq - head <= UInt64(newIndex.count) else { return nil }
    return newIndex[Int(seq - head - 1)]
  }

  /// Events by seq: a new one of the batch, or one of the journal read by `reader`.
  func lookup(_ reader: Reader) -> (UInt64) throws -> any StoredEvent {
    { seq in
      if let i = index(ofSeq: seq) { return PendingEvent(events[i], seq: seq) }
      return try reader.record(seq: seq)
    }
  }
}
