extension CheckpointLog {
  /// Signs a checkpoint of the first `size` events (default: all), or
  /// returns the stored one of that size (PROOFS.md §2.3).
  /// - Returns: the signed checkpoint, and whether it was new.
  /// - Throws: `.invalidInput` for a key that is not the log's, or a size below
  ///   the largest signed one; `.notFound` past the head; `.verificationFailed`
  ///   if this journal does not reproduce the largest signed root (a fork);
  ///   `.damaged` if an event since fails the hash chain.
  public func sign(size wanted: UInt64? = nil, signer: NoteSigner) throws(JournalError) -> (SignedCheckpoint, isNew: Bool) {
    let origin = try readOrigin()
    guard signer.name == origin else {
      throw JournalError(
        .invalidInput, "The key is named '\(signer.name)', but this journal's origin is '\(origin)'; sign with its log key.")
    }
    let policy = try policy()
    guard policy.logs.contains(signer.verifier) else {
      throw JournalError(.invalidInput, "The key \(signer.verifier.vkey) is not a log key of this journal's policy.")
    }
    let lock = try lockFolder()
    defer { lock.release() }
    let (tree, checkpoint, signedSize) = try tree(size: wanted, policy: policy, origin: origin)
    if signedSize == checkpoint.size, let stored = try? self.checkpoint(size: signedSize) {
      try? tree.save()
      return (stored, false)
    }
    let note = SignedNote(text: checkpoint.text, signatures: [try signer.sign(checkpoint.text)])
    let signed = try SignedCheckpoint(note: note)
    try disk.writeAtomically(signed.bytes, to: folder + "/" + Self.fileName(size: checkpoint.size), folder: folder)
    try? tree.save()
    return (signed, true)
  }

  /// The checkpoint text of the first `size` events (default: all), without a
  /// key, after the same checks as signing (any size up to the head).
  public func unsigned(size: UInt64? = nil) throws(JournalError) -> Checkpoint {
    let origin = try readOrigin()
    let (tree, checkpoint, _) = try tree(size: size, policy: try policy(), origin: origin, belowSigned: true)
    try? tree.save()
    return checkpoint
  }

  /// The tree of the journal, checked against the largest signed checkpoint, and the checkpoint of `size`.
  func tree(size wanted: UInt64?, policy: WitnessPolicy, origin: String, belowSigned: Bool = false) throws(JournalError)
    -> (JournalTree, Checkpoint, signedSize: UInt64)
  {
    let reader = Reader(layout: layout)
    let head = try reader.head().seq
    let size = wanted ?? head
    guard size <= head else {
      throw JournalError(.notFound, "The journal holds only \(head) events; it cannot sign a tree of \(size).", at: .init(seq: size))
    }
    let signedSize = try sizes().last ?? 0
    guard size >= signedSize || belowSigned else {
      throw JournalError(
        .invalidInput, "A checkpoint of size \(signedSize) is already signed; a log never signs backwards (asked: \(size)).")
    }
    var tree = try JournalTree(journal: layout.root, io: disk.io)
    var prev = ChainHash.zero
    if signedSize > 0 {
      let signed = try checkpoint(size: signedSize)
      try signed.verify(policy.logOnly)
      // The trust rule: cached tiles only below a size whose signed root they reproduce.
      tree.distrust(from: Int(signedSize / TileCache.width))
      guard try tree.root(size: signedSize, expecting: signed.checkpoint.root) == signed.checkpoint.root else {
        throw JournalError(
          .verificationFailed,
          "This journal's first \(signedSize) events do not hash to the root signed for them (\(signed.checkpoint.root.base64)): it is not the journal that was signed (an old copy restored, then appended to?). Refusing to sign a fork."
        )
      }
      prev = try reader.record(seq: signedSize).hash
    } else {
      tree.distrust(from: 0)
    }
    // The events since the signed size: on the chain, and hashed from their stored bytes.
    try tree.extend(to: max(size, signedSize)) { (r: Record) throws(JournalError) in
      guard r.seq > signedSize else { return }
      guard let link = EventLine.check(r.bytes), link.prev == prev, link.computed == link.stored else {
        throw JournalError(.damaged, "The hash chain breaks at seq \(r.seq); nothing was signed.", at: .init(seq: r.seq))
      }
      prev = link.stored
    }
    let root = try Merkle.root(size: size, from: &tree)
    return (tree, try Checkpoint(origin: origin, size: size, root: root), signedSize)
  }
}

extension CheckpointLog {
  /// Keeps a checkpoint signed elsewhere (a mirror's source's): checked against
  /// `policy`, and against this journal by the signing rules (its root recomputed,
  /// never below the largest kept, the largest kept reproduced first).
  /// - Throws: `.verificationFailed` if this journal does not hash to it.
  public func adopt(_ signed: SignedCheckpoint, policy: WitnessPolicy) throws(JournalError) {
    let origin = try readOrigin()
    try signed.verify(policy)
    let lock = try lockFolder()
    defer { lock.release() }
    let (tree, checkpoint, _) = try tree(size: signed.checkpoint.size, policy: policy, origin: origin)
    guard checkpoint == signed.checkpoint else {
      throw JournalError(.verificationFailed, "This journal's first \(checkpoint.size) events do not hash to the checkpoint's root.")
    }
    try disk.writeAtomically(signed.bytes, to: folder + "/" + Self.fileName(size: checkpoint.size), folder: folder)
    try? tree.save()
  }
}
