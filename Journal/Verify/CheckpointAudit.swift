/// What ``Verifier`` checks of the signed checkpoints (PROOFS.md §6, `ess
/// verify`): while the events are read, the Merkle tree is grown from their
/// lines and its root kept at each signed size; then every stored checkpoint
/// must carry that root, a valid log signature, and only valid cosignatures.
struct CheckpointAudit {
  let log: CheckpointLog
  let policy: WitnessPolicy
  var pending: [UInt64]
  var tree = TreeBuilder()
  var roots: [UInt64: TreeHash] = [:]

  /// Nil when the journal has no checkpoint (signing not set up, or nothing signed).
  init?(layout: JournalLayout) throws(JournalError) {
    let log = try CheckpointLog(journal: layout.root)
    guard log.isSetUp else { return nil }
    let sizes = try log.sizes()
    guard !sizes.isEmpty else { return nil }
    self.log = log
    policy = try log.policy()
    pending = sizes
    take()
  }

  mutating func append(_ line: ArraySlice<UInt8>) {
    guard !pending.isEmpty else { return }
    tree.append(TreeHash.leaf(lineWithoutNewline: line))
    take()
  }

  mutating func take() {
    while let next = pending.first, next == tree.size {
      roots[next] = tree.root
      pending.removeFirst()
    }
  }

  func finish(head: UInt64, into report: inout VerificationReport) throws(JournalError) {
    for size in try log.sizes() {
      let signed = try log.checkpoint(size: size)
      guard let root = roots[size] else {
        throw JournalError(
          .damaged,
          "A checkpoint of size \(size) is signed, but the journal holds only \(head) events: events were lost, or this is an older copy.",
          at: .init(seq: head))
      }
      guard root == signed.checkpoint.root else {
        throw JournalError(
          .verificationFailed,
          "The first \(size) events do not hash to the root of their signed checkpoint (\(signed.checkpoint.root.base64)): the history was rewritten after it was signed.",
          at: .init(seq: size))
      }
      let cosigners = try signed.verify(policy.logOnly)
      let names = policy.witnesses.filter { cosigners.contains($0.key) }.map(\.name)
      report.checkpoints.append(
        .init(size: size, witnesses: names, quorumMet: policy.quorum.isMet(by: cosigners, policy: policy)))
    }
  }
}
