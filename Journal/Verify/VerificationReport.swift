/// What ``Verifier/verify(at:)`` checked and found.
public struct VerificationReport: Sendable, Equatable {
  public var segments = 0
  public var commits = 0
  public var events: UInt64 = 0
  /// Bytes of segment files on disk, and of the JSON Lines they hold.
  public var bytesOnDisk: Int64 = 0
  public var rawBytes: UInt64 = 0
  /// The last event found intact (all of them when there is no damage; else the last before it).
  public var headSeq: UInt64 = 0
  public var headHash: ChainHash = .zero
  /// The first problem found in committed data (`nil`: all intact).
  public var damage: JournalError? = nil
  /// An interrupted, never-acknowledged write after the last commit: harmless,
  /// set aside by the next writer.
  public var uncommittedTail: (file: String, offset: Int, length: Int)? = nil
  /// Side files (id indexes) found stale or damaged: rebuilt when needed, not damage.
  public var staleSideFiles: [String] = []
  /// The stored signed checkpoints, each recomputed from the events and its signatures checked.
  public var checkpoints: [CheckedCheckpoint] = []

  /// A stored checkpoint that ``Verifier/verify(at:)`` found to match the journal.
  public struct CheckedCheckpoint: Sendable, Equatable {
    public var size: UInt64
    /// The witnesses of the policy whose cosignature verified (their policy names).
    public var witnesses: [String]
    /// Whether those cosignatures meet the policy's quorum.
    public var quorumMet: Bool
  }

  public var isIntact: Bool { damage == nil }

  public static func == (a: VerificationReport, b: VerificationReport) -> Bool {
    a.segments == b.segments && a.commits == b.commits && a.events == b.events && a.bytesOnDisk == b.bytesOnDisk
      && a.rawBytes == b.rawBytes && a.headSeq == b.headSeq && a.headHash == b.headHash && a.damage == b.damage
      && a.uncommittedTail?.file == b.uncommittedTail?.file && a.uncommittedTail?.offset == b.uncommittedTail?.offset
      && a.staleSideFiles == b.staleSideFiles && a.checkpoints == b.checkpoints
  }
}
