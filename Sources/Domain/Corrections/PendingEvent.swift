import Journal

/// An event of a batch being checked, before it is written: the seq it will
/// take, and its canonical data. The integrity rules read it as they read a
/// record of the journal.
///
/// ```swift
/// let pending = PendingEvent(event, seq: preview.results[i].seq)
/// ```
public struct PendingEvent: StoredEvent {
  public var seq: UInt64
  public var type: String
  public var version: Int
  public var occurredOnBytes: ArraySlice<UInt8>
  public var dataBytes: ArraySlice<UInt8>

  public init(_ event: NewEvent, seq: UInt64) {
    self.seq = seq
    type = event.type
    version = event.version
    occurredOnBytes = Array(event.occurredOn.utf8)[...]
    dataBytes = event.canonicalData[...]
  }
}
