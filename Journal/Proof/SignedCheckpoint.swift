/// A checkpoint with its signature lines, as stored and as it travels.
///
/// ```swift
/// let signed = try SignedCheckpoint(parsing: fileBytes)
/// try signed.verify(policy)            // log signature and witness quorum
/// signed.checkpoint.size
/// ```
public struct SignedCheckpoint: Sendable, Equatable {
  public var note: SignedNote
  public let checkpoint: Checkpoint

  public init(note: SignedNote) throws(JournalError) {
    self.note = note
    checkpoint = try Checkpoint(text: note.text)
  }

  /// Parses a checkpoint file (a signed note).
  /// - Throws: `.invalidInput` for a malformed note or checkpoint text.
  public init(parsing bytes: some Collection<UInt8>) throws(JournalError) {
    try self.init(note: SignedNote(parsing: bytes, what: "checkpoint"))
  }

  public var bytes: [UInt8] { note.bytes }

  /// Checks the log's signature and the witness quorum of `policy`.
  /// - Returns: the witnesses whose cosignature verified.
  /// - Throws: `.invalidInput` if no log of the policy has this origin;
  ///   `.verificationFailed` if a known signature fails, the log's is missing, or the quorum is not met.
  @discardableResult
  public func verify(_ policy: WitnessPolicy) throws(JournalError) -> [NoteVerifier] {
    guard let log = policy.logs.first(where: { $0.name == checkpoint.origin }) else {
      let known = policy.logs.map(\.name).joined(separator: ", ")
      throw JournalError(
        .invalidInput, "The checkpoint's origin '\(checkpoint.origin)' is not a log this policy knows (\(known.isEmpty ? "none" : known)).")
    }
    let signers = try note.verify(by: [log] + policy.witnesses.map(\.key), what: "checkpoint")
    guard signers.contains(log) else {
      throw JournalError(
        .verificationFailed,
        "The checkpoint of size \(checkpoint.size) carries no signature by the log key \(log.name)+\(Hex.encode(log.keyID)).")
    }
    let witnesses = signers.filter { $0.kind == .cosignature }
    guard policy.quorum.isMet(by: witnesses, policy: policy) else {
      throw JournalError(
        .verificationFailed,
        "The checkpoint of size \(checkpoint.size) lacks the witness cosignatures its policy asks for (\(policy.quorum.description)); it has \(witnesses.isEmpty ? "none" : witnesses.map(\.name).joined(separator: ", "))."
      )
    }
    return witnesses
  }
}
