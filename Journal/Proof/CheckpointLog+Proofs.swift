extension CheckpointLog {
  /// The inclusion proof of event `seq` against a stored checkpoint: the
  /// latest (default), or the one of `size`. The proof is checked against the
  /// checkpoint's signed root before it is returned; a tile cache that leads
  /// elsewhere is rebuilt from the lines.
  /// - Throws: `.invalidInput` if no signed checkpoint holds `seq`;
  ///   `.verificationFailed` if the journal does not match its signed checkpoint.
  public func prove(seq: UInt64, size: UInt64? = nil, extra: Bool = true) throws(JournalError) -> InclusionProof {
    guard seq >= 1 else { throw JournalError(.invalidInput, "Seqs start at 1.") }
    let signed: SignedCheckpoint
    if let size { signed = try self.checkpoint(size: size) } else { signed = try self.checkpoint(holding: seq, latest: true) }
    return try prove(seq: seq, against: signed, extra: extra)
  }

  /// The inclusion proof of event `seq` against `signed`, a checkpoint of this
  /// journal's log (stored or not: one cosigned elsewhere, say), whose log
  /// signature is checked first.
  public func prove(seq: UInt64, against signed: SignedCheckpoint, extra: Bool = true) throws(JournalError) -> InclusionProof {
    let origin = try readOrigin()
    guard signed.checkpoint.origin == origin else {
      throw JournalError(.invalidInput, "The checkpoint is of the log '\(signed.checkpoint.origin)', not of this journal ('\(origin)').")
    }
    try signed.verify(try policy().logOnly)
    let target = signed.checkpoint
    guard seq >= 1, seq <= target.size else {
      throw JournalError(.invalidInput, "Seq \(seq) is not in the checkpoint of size \(target.size).", at: .init(seq: seq))
    }
    let reader = Reader(layout: layout)
    let line = try reader.record(seq: seq).lineBytes + [0x0A]
    let leaf = TreeHash.leaf(line)
    var tree = try JournalTree(journal: layout.root, io: disk.io)
    for attempt in 0..<2 {
      if attempt == 1 { tree.distrust(from: 0) }
      try tree.extend(to: target.size)
      let path = try Merkle.inclusionPath(index: seq - 1, size: target.size, from: &tree)
      if Merkle.verifyInclusion(index: seq - 1, size: target.size, leaf: leaf, path: path, root: target.root) {
        try? tree.save()
        return InclusionProof(extra: extra ? line : nil, index: seq - 1, path: path, checkpoint: signed)
      }
    }
    throw mismatch(target)
  }

  /// The consistency proof from the stored checkpoint of size `old` to the
  /// one of size `new` (default: the latest), as a tlog-witness request body;
  /// checked against both signed roots before it is returned.
  /// - Throws: `.notFound` for a size with no stored checkpoint; `.verificationFailed` on a mismatch.
  public func consistency(old: UInt64, new: UInt64? = nil) throws(JournalError) -> ConsistencyProof {
    let stored = try sizes()
    guard let newSize = new ?? stored.last else {
      throw JournalError(.notFound, "This journal has no signed checkpoint yet.")
    }
    let newSigned = try checkpoint(size: newSize)
    let oldRoot = old == 0 ? TreeHash.empty : try checkpoint(size: old).checkpoint.root
    guard old <= newSize else {
      throw JournalError(.invalidInput, "The old size \(old) is larger than the new checkpoint's size \(newSize).")
    }
    var tree = try JournalTree(journal: layout.root, io: disk.io)
    for attempt in 0..<2 {
      if attempt == 1 { tree.distrust(from: 0) }
      try tree.extend(to: newSize)
      let proof = try Merkle.consistencyProof(old: old, new: newSize, from: &tree)
      if Merkle.verifyConsistency(old: old, new: newSize, oldRoot: oldRoot, newRoot: newSigned.checkpoint.root, proof: proof) {
        try? tree.save()
        return ConsistencyProof(oldSize: old, proof: proof, checkpoint: newSigned)
      }
    }
    throw mismatch(newSigned.checkpoint, old: old)
  }

  func mismatch(_ checkpoint: Checkpoint, old: UInt64? = nil) -> JournalError {
    JournalError(
      .verificationFailed,
      "This journal's first \(checkpoint.size) events do not hash to the root signed for them\(old.map { " (or not consistently with size \($0))" } ?? ""): the journal was changed after it was signed, or is not the one signed."
    )
  }

  /// Appends witness cosignature lines to the stored checkpoints they sign.
  /// Each line must be by a witness of the policy and verify against one
  /// stored checkpoint (the newest first); a line already there is skipped.
  /// - Returns: for each line, the size of the checkpoint it was added to.
  /// - Throws: `.invalidInput` for a malformed line, an unknown witness, or a line that signs no stored checkpoint.
  public func addCosignatures(_ text: [UInt8]) throws(JournalError) -> [(size: UInt64, witness: String, added: Bool)] {
    let policy = try policy()
    var lines: [NoteSignature] = []
    var number = 0
    for raw in text.split(separator: 0x0A) where !raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
      number += 1
      lines.append(try SignedNote.signature(raw, number: number, what: "cosignature lines"))
    }
    guard !lines.isEmpty else { throw JournalError(.invalidInput, "No cosignature line was given ('— <witness> <base64>').") }
    let lock = try lockFolder()
    defer { lock.release() }
    let sizes = try sizes().reversed()
    var out: [(UInt64, String, Bool)] = []
    for (n, line) in lines.enumerated() {
      guard let witness = policy.witnesses.first(where: { $0.key.name == line.name && $0.key.keyID == line.keyID }) else {
        throw JournalError(
          .invalidInput,
          "Cosignature line \(n + 1) is by '\(line.name)', which is not a witness of this journal's policy; add it there first.")
      }
      var placed = false
      for size in sizes {
        var signed = try checkpoint(size: size)
        guard witness.key.verifies(line.signature, text: signed.note.text) else { continue }
        let already = signed.note.signatures.contains(line)
        if !already {
          signed.note.signatures.append(line)
          try disk.writeAtomically(signed.bytes, to: folder + "/" + Self.fileName(size: size), folder: folder)
        }
        out.append((size, witness.name, !already))
        placed = true
        break
      }
      guard placed else {
        throw JournalError(
          .verificationFailed, "Cosignature line \(n + 1) (by \(line.name)) signs none of this journal's stored checkpoints.")
      }
    }
    return out
  }
}
