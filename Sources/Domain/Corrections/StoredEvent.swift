import Journal

/// What the correction rules read of an event in the journal (or about to
/// enter it): its position, type, schema version, valid time and data, all
/// as canonical bytes.
///
/// ``Journal/Record`` is one; ``PendingEvent`` is an event of a batch not yet
/// written, with the seq it will take.
public protocol StoredEvent: Sendable {
  var seq: UInt64 { get }
  /// The type name.
  var type: String { get }
  /// The schema version it was written with.
  var version: Int { get }
  /// `occurredOn` as written (without quotes).
  var occurredOnBytes: ArraySlice<UInt8> { get }
  /// The canonical bytes of `data`.
  var dataBytes: ArraySlice<UInt8> { get }
  /// `occurredOn` read on the Paris calendar (nil if it is neither a date nor a date-time with offset).
  var validTime: ValidTime? { get }
}

extension StoredEvent {
  public var validTime: ValidTime? { ValidTime(utf8: occurredOnBytes) }
}

extension Record: StoredEvent {}
