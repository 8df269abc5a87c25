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

  public var isIntact: Bool { damage == nil }

  public static func == (a: VerificationReport, b: VerificationReport) -> Bool {
    a.segments == b.segments && a.commits == b.commits && a.events == b.events && a.bytesOnDisk == b.bytesOnDisk
      && a.rawBytes == b.rawBytes && a.headSeq == b.headSeq && a.headHash == b.headHash && a.damage == b.damage
      && a.uncommittedTail?.file == b.uncommittedTail?.file && a.uncommittedTail?.offset == b.uncommittedTail?.offset
      && a.staleSideFiles == b.staleSideFiles
  }
}
