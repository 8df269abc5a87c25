/// What ``Writer/append(_:)`` reports for each event of the batch, in order.
public struct Appended: Sendable, Equatable {
  public var seq: UInt64
  public var id: String
  public var hash: ChainHash
  public var recordedAt: Timestamp
  /// True when the event's `id` was already in the journal with the same
  /// content: nothing was written, `seq` is the original one.
  public var existed: Bool
}

/// Something the writer found and set aside when it opened the journal.
public struct RecoveryNote: Sendable, Equatable, CustomStringConvertible {
  /// The segment whose uncommitted tail was cut.
  public var segment: String
  public var offset: Int
  public var length: Int
  /// Where the cut bytes were kept (nothing is thrown away).
  public var keptAt: String

  public var description: String {
    "Removed an interrupted, uncommitted write of \(length) bytes at byte offset \(offset) of segment \(segment) (kept in \(keptAt))."
  }
}

/// What a batch will be, shown to ``Writer/append(_:check:)``'s check before
/// anything is written: the head before it, and each event's seq (or the
/// original seq of an event already in the journal). From
/// ``Writer/preview(_:envelopesChecked:check:)``, which writes nothing, new
/// events have no hash (`.zero`) and, when they came without an id, an
/// empty `id`: both are made only when the batch is written.
public struct BatchPreview: Sendable, Equatable {
  /// The last committed seq before this batch (0 for an empty journal).
  public var headSeq: UInt64
  /// The hash of that last committed event (``ChainHash/zero`` for an empty journal).
  public var headHash: ChainHash = .zero
  public var results: [Appended]
}
