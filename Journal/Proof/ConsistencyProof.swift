/// A consistency proof as it travels: the body of a tlog-witness
/// `add-checkpoint` request, so the file goes to a witness unchanged.
///
/// ```
/// old <OLD size>
/// <base64 hash>            × PROOF(OLD, D[NEW]), at most 63
///
/// <the NEW checkpoint, verbatim>
/// ```
public struct ConsistencyProof: Sendable, Equatable {
  public var oldSize: UInt64
  public var proof: [TreeHash]
  public var checkpoint: SignedCheckpoint

  public init(oldSize: UInt64, proof: [TreeHash], checkpoint: SignedCheckpoint) {
    self.oldSize = oldSize
    self.proof = proof
    self.checkpoint = checkpoint
  }

  public var bytes: [UInt8] {
    var out = Array("old \(oldSize)\n".utf8)
    for h in proof { out += Array("\(h.base64)\n".utf8) }
    out.append(0x0A)
    return out + checkpoint.bytes
  }

  /// Parses a request body.
  /// - Throws: `.invalidInput` saying which line is malformed.
  public init(parsing input: some Collection<UInt8>) throws(JournalError) {
    var lines = ProofLines(Array(input), what: "consistency proof")
    let first = try lines.next()
    guard first.hasPrefix("old "), let old = Checkpoint.decimal(first.utf8.dropFirst(4)) else {
      throw JournalError(.invalidInput, "The consistency proof must start with 'old' and the old tree size in decimal.")
    }
    oldSize = old
    proof = try lines.hashes()
    checkpoint = try SignedCheckpoint(parsing: lines.rest)
  }
}
