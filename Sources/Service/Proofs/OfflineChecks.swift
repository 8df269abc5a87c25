import Journal

/// What an auditor runs with no journal: checks of proofs against keys or a policy.
///
/// ```swift
/// let line = try OfflineChecks.verifyProof(file: "seq-812.proof", vkey: "log.vkey")
/// ```
public enum OfflineChecks {
  /// Checks an inclusion proof file (PROOFS.md §3.1).
  /// - Parameters:
  ///   - vkey: the log's verifier key (text or file), when there is no `policy`.
  ///   - policy: a tlog-policy file: the log keys and the witness quorum.
  ///   - event: a file holding the event's line, for a proof without `extra` (or to compare with it).
  /// - Returns: the checkpoint and the event's line.
  public static func verifyProof(file: String, vkey: String? = nil, policy: String? = nil, event: String? = nil) throws(ServiceError)
    -> (checkpoint: Checkpoint, line: String)
  {
    let rules = try KeyFiles.policy(vkey: vkey, policyFile: policy)
    let bytes = try InputFile.read(file)
    let eventBytes = try event.map { (path: String) throws(ServiceError) in try InputFile.read(path) }
    do {
      let proof = try InclusionProof(parsing: bytes)
      let line = try ProofVerifier.inclusion(proof, policy: rules, event: eventBytes)
      return (proof.checkpoint.checkpoint, String(decoding: line.dropLast(), as: UTF8.self))
    } catch {
      throw ServiceError(error, at: .init(file: file))
    }
  }

  /// Checks a consistency proof (a witness request body) against the old checkpoint (PROOFS.md §3.2).
  /// - Returns: the old and new checkpoints.
  public static func verifyConsistency(old: String, file: String, vkey: String? = nil, policy: String? = nil) throws(ServiceError)
    -> (old: Checkpoint, new: Checkpoint)
  {
    let rules = try KeyFiles.policy(vkey: vkey, policyFile: policy)
    let oldBytes = try InputFile.read(old)
    let bytes = try InputFile.read(file)
    let oldSigned: SignedCheckpoint
    do { oldSigned = try SignedCheckpoint(parsing: oldBytes) } catch { throw ServiceError(error, at: .init(file: old)) }
    do {
      let proof = try ConsistencyProof(parsing: bytes)
      try ProofVerifier.consistency(old: oldSigned, proof: proof, policy: rules)
      return (oldSigned.checkpoint, proof.checkpoint.checkpoint)
    } catch {
      throw ServiceError(error, at: .init(file: file))
    }
  }
}
