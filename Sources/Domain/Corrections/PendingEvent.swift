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
  public var occurredOn: String
  public var dataBytes: ArraySlice<UInt8>
  public var validTime: ValidTime?

  public init(_ event: NewEvent, seq: UInt64) {
    self.seq = seq
    type = event.type
    version = event.version
    occurredOn = event.occurredOn
    dataBytes = event.canonicalData[...]
    validTime = ValidTime(event.occurredOn)
  }

  public var occurredOnBytes: ArraySlice<UInt8> { Array(occurredOn.utf8)[...] }
}
