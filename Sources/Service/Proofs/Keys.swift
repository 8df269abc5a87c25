import Journal

/// Key pairs for the roles that are not the log's: a publisher's (bilan
/// receipts), a countersigner's, a witness's.
///
/// ```swift
/// let vkey = try Keys.generate(name: "strasbourg.eu/ess/bilans", keyOut: "/etc/ess/publisher.key")
/// ```
public enum Keys {
  /// Makes a new Ed25519 key named `name` (a cosignature key when `witness`), writes its private key file
  /// (mode 0600, never over an existing file), and returns its verifier key, to publish.
  public static func generate(name: String, keyOut: String, witness: Bool = false) throws(ServiceError) -> NoteVerifier {
    let signer: NoteSigner
    do { signer = try NoteSigner.generate(name: name, kind: witness ? .cosignature : .ed25519) } catch { throw ServiceError(error) }
    try KeyFiles.write(signer, to: keyOut, notInside: nil)
    return signer.verifier
  }
}
