import Glibc
import Journal

/// The log side of PROOFS.md: set up signing, sign checkpoints, take in
/// witnesses' cosignatures, prove inclusion and consistency.
///
/// ```swift
/// let vkey = try Checkpoints.setUp(journal: "journal", origin: "strasbourg.eu/ess/journal", newKey: "/etc/ess/log.key")
/// let (signed, _) = try Checkpoints.sign(journal: "journal", key: "/etc/ess/log.key")
/// let proof = try Checkpoints.prove(journal: "journal", event: "812")
/// ```
public enum Checkpoints {
  /// Sets the journal's origin and log key: a new key written to `newKey`, or the existing one in `key`.
  /// - Returns: the log's verifier key (to publish).
  /// - Throws: ``ServiceError`` `.alreadyExists` if an origin is set or `newKey` exists; `.badInput` for an origin or key that do not fit.
  public static func setUp(journal: String, origin: String, newKey: String? = nil, key: String? = nil) throws(ServiceError) -> NoteVerifier
  {
    do {
      let log = try CheckpointLog(journal: journal)
      guard !log.isSetUp else {
        throw ServiceError(.alreadyExists, "This journal already has an origin ('\(try log.readOrigin())'); it is set once, forever.")
      }
      let signer: NoteSigner
      if let key {
        signer = try KeyFiles.signer(at: key)
      } else if let newKey {
        try Checkpoint.check(origin: origin)
        signer = try NoteSigner.generate(name: origin)
        try KeyFiles.write(signer, to: newKey, notInside: journal)
        do { try log.setUp(origin: origin, signer: signer.verifier) } catch {
          unlink(newKey)  // a key for no journal
          throw error
        }
        return signer.verifier
      } else {
        throw ServiceError(.badInput, "Give --key-out FILE (a new key) or --key FILE (an existing one).")
      }
      try log.setUp(origin: origin, signer: signer.verifier)
      return signer.verifier
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// Signs a checkpoint of the first `size` events (default: all), or returns the stored one.
  public static func sign(journal: String, key: String, size: UInt64? = nil) throws(ServiceError) -> (SignedCheckpoint, isNew: Bool) {
    let signer = try KeyFiles.signer(at: key)
    do { return try CheckpointLog(journal: journal).sign(size: size, signer: signer) } catch { throw ServiceError(error) }
  }

  /// The checkpoint text of the first `size` events, unsigned.
  public static func unsigned(journal: String, size: UInt64? = nil) throws(ServiceError) -> Checkpoint {
    do { return try CheckpointLog(journal: journal).unsigned(size: size) } catch { throw ServiceError(error) }
  }

  /// Adds a witness to the journal's policy (`checkpoints/policy`), and sets the quorum when `quorum` is given
  /// (a witness or group name, or `none`).
  /// - Returns: the policy as saved.
  public static func addWitness(journal: String, name: String, vkey: String, quorum: String? = nil) throws(ServiceError) -> WitnessPolicy {
    let key = try KeyFiles.verifier(vkey)
    do {
      let log = try CheckpointLog(journal: journal)
      var policy = try log.policy()
      try policy.addWitness(name: name, key: key)
      if let quorum { try policy.setQuorum(quorum) }
      try log.savePolicy(policy)
      return policy
    } catch {
      throw ServiceError(error)
    }
  }

  /// Appends witness cosignature lines (from the file `lines`, `-` for standard input) to the checkpoints they sign.
  public static func addCosignatures(journal: String, lines: String) throws(ServiceError) -> [(size: UInt64, witness: String, added: Bool)]
  {
    let text = try InputFile.read(lines)
    do { return try CheckpointLog(journal: journal).addCosignatures(text) } catch { throw ServiceError(error, at: .init(file: lines)) }
  }

  /// The inclusion proof of the event `event` (seq or id), against the latest
  /// signed checkpoint, the one of `size`, or the checkpoint file `checkpointFile`.
  public static func prove(
    journal: String, event: String, size: UInt64? = nil, checkpointFile: String? = nil, extra: Bool = true
  ) throws(ServiceError) -> InclusionProof {
    do {
      let log = try CheckpointLog(journal: journal)
      _ = try log.readOrigin()
      let seq = try EventKey.record(event, in: Reader(at: journal)).seq
      if let checkpointFile {
        let signed = try SignedCheckpoint(parsing: InputFile.read(checkpointFile))
        return try log.prove(seq: seq, against: signed, extra: extra)
      }
      return try log.prove(seq: seq, size: size, extra: extra)
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// The consistency proof from the checkpoint of size `old` (or the latest one
  /// `witness` cosigned) to the one of `new` (default: the latest).
  public static func consistency(journal: String, old: UInt64?, new: UInt64? = nil, witness: String? = nil) throws(ServiceError)
    -> ConsistencyProof
  {
    do {
      let log = try CheckpointLog(journal: journal)
      var from = old
      if let witness {
        let policy = try log.policy()
        guard let w = policy.witnesses.first(where: { $0.name == witness || $0.key.name == witness }) else {
          throw ServiceError(.badInput, "The journal's policy has no witness named '\(witness)'.")
        }
        from = 0
        for size in try log.sizes().reversed() {
          let signed = try log.checkpoint(size: size)
          if signed.note.signatures.contains(where: { $0.name == w.key.name && $0.keyID == w.key.keyID }) {
            from = size
            break
          }
        }
      }
      guard let from else {
        throw ServiceError(.badInput, "Give the old size, or --witness NAME to start from what that witness cosigned.")
      }
      return try log.consistency(old: from, new: new)
    } catch {
      throw ServiceError.wrap(error)
    }
  }
}
