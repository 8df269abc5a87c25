import Journal

/// The offline witness of PROOFS.md §4, run by another institution with its own key and state folder.
///
/// ```swift
/// let vkey = try Witnessing.create(state: "/srv/cress-witness", name: "cress-grand-est.fr/witness", newKey: "/etc/cress/witness.key")
/// try Witnessing.addLog(state: "/srv/cress-witness", vkey: "strasbourg.eu/ess/journal+…")
/// let line = try Witnessing.cosign(state: "/srv/cress-witness", key: "/etc/cress/witness.key", request: "2-3.request", time: now)
/// ```
public enum Witnessing {
  /// Creates a witness: a new cosignature key in `newKey` (0600) and the state folder.
  /// - Returns: the witness's verifier key (type 04), for logs' policies.
  public static func create(state: String, name: String, newKey: String) throws(ServiceError) -> NoteVerifier {
    do {
      let signer = try NoteSigner.generate(name: name, kind: .cosignature)
      let witness = Witness(state: state)
      try KeyFiles.write(signer, to: newKey, notInside: nil)
      try witness.create(key: signer.verifier)
      return signer.verifier
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// Follows a log (its verifier key, as text or file). Returns whether it was new.
  public static func addLog(state: String, vkey: String) throws(ServiceError) -> (key: NoteVerifier, isNew: Bool) {
    let key = try KeyFiles.verifier(vkey)
    do { return (key, try Witness(state: state).addLog(key)) } catch { throw ServiceError(error, at: .init(file: state)) }
  }

  /// Checks a consistency proof request and cosigns its checkpoint (tlog-witness `add-checkpoint`).
  /// - Parameter time: the witness's clock (POSIX seconds).
  /// - Returns: the cosignature line, to send back to the log.
  public static func cosign(state: String, key: String, request: String, time: UInt64) throws(ServiceError) -> NoteSignature {
    let signer = try KeyFiles.signer(at: key)
    let bytes = try InputFile.read(request)
    do {
      return try Witness(state: state).cosign(ConsistencyProof(parsing: bytes), signer: signer, time: time)
    } catch {
      throw ServiceError(error, at: .init(file: request))
    }
  }
}
