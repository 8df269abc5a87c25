/// Checks proofs offline, with no journal: only the proof, the keys (or a
/// policy) and, when the proof does not carry it, the event's line.
///
/// ```swift
/// let proof = try InclusionProof(parsing: fileBytes)
/// let line = try ProofVerifier.inclusion(proof, policy: WitnessPolicy(log: logKey))
/// ```
public enum ProofVerifier {
  /// Checks an inclusion proof (PROOFS.md §3.1, a–f): the leaf is the proof's
  /// `extra` or `event` (byte-equal if both), a single line starting with
  /// `{"seq":<index + 1>,`; the checkpoint is signed per `policy`; the path
  /// leads from the leaf to the checkpoint's root; the line's chain hash holds.
  /// - Returns: the event's line, with its newline.
  /// - Throws: `.invalidInput` for a proof without an event or from an unknown log;
  ///   `.verificationFailed` when a check fails.
  public static func inclusion(_ proof: InclusionProof, policy: WitnessPolicy, event: [UInt8]? = nil) throws(JournalError)
    -> [UInt8]
  {
    let leaf: [UInt8]
    switch (proof.extra, event) {
    case (nil, nil):
      throw JournalError(.invalidInput, "The proof carries no event line ('extra'); give the event's line with --event FILE.")
    case (let extra?, let event?):
      guard extra == event else {
        throw JournalError(.verificationFailed, "The event given differs from the one the proof carries ('extra').")
      }
      leaf = extra
    case (let extra?, nil): leaf = extra
    case (nil, let event?): leaf = event
    }
    let seq = proof.index + 1
    guard leaf.last == 0x0A, leaf.firstIndex(of: 0x0A) == leaf.count - 1 else {
      throw JournalError(.verificationFailed, "The proof's leaf must be one line ending with its newline; it is not.")
    }
    guard leaf.starts(with: Array("{\"seq\":\(seq),".utf8)) else {
      throw JournalError(
        .verificationFailed, "The proof is for index \(proof.index), so its line must start with {\"seq\":\(seq),; it does not.")
    }
    try proof.checkpoint.verify(policy)
    let checkpoint = proof.checkpoint.checkpoint
    guard proof.index < checkpoint.size else {
      throw JournalError(.verificationFailed, "Seq \(seq) is not in the checkpoint, which holds \(checkpoint.size) events.")
    }
    guard Merkle.verifyInclusion(index: proof.index, size: checkpoint.size, leaf: .leaf(leaf), path: proof.path, root: checkpoint.root)
    else {
      throw JournalError(
        .verificationFailed,
        "The inclusion proof does not lead from event \(seq) to the root of checkpoint \(checkpoint.size): the event or the proof was changed."
      )
    }
    guard let link = EventLine.check(leaf.dropLast()), link.computed == link.stored else {
      throw JournalError(
        .verificationFailed, "Event \(seq)'s line does not obey the hash chain rule (its hash is not that of its prev and body).")
    }
    return leaf
  }

  /// Checks a consistency proof between two signed checkpoints of one log
  /// (PROOFS.md §3.2). A failure between two validly signed checkpoints proves
  /// the log rewrote or forked its history: keep both files.
  /// - Throws: `.invalidInput` for checkpoints of another origin or mismatched sizes;
  ///   `.verificationFailed` when a signature or the proof fails.
  public static func consistency(old: SignedCheckpoint, proof: ConsistencyProof, policy: WitnessPolicy) throws(JournalError) {
    let a = old.checkpoint
    let b = proof.checkpoint.checkpoint
    guard a.origin == b.origin else {
      throw JournalError(.invalidInput, "The two checkpoints are of different logs ('\(a.origin)' and '\(b.origin)').")
    }
    guard proof.oldSize == a.size else {
      throw JournalError(.invalidInput, "The proof starts from size \(proof.oldSize), but the old checkpoint has size \(a.size).")
    }
    guard a.size <= b.size else {
      throw JournalError(.verificationFailed, "The old checkpoint (size \(a.size)) is larger than the new one (size \(b.size)).")
    }
    try old.verify(policy.logOnly)
    try proof.checkpoint.verify(policy)
    guard Merkle.verifyConsistency(old: a.size, new: b.size, oldRoot: a.root, newRoot: b.root, proof: proof.proof) else {
      throw JournalError(
        .verificationFailed,
        "The checkpoint of size \(b.size) is not an extension of the one of size \(a.size): the history was rewritten or forked. Keep both files: they are evidence."
      )
    }
  }
}
