import ArgumentParser
import Service

struct VerifyProof: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify-proof",
    abstract: "Check an inclusion proof offline (no journal needed); print the event.",
    discussion: """
      Checks the checkpoint's signature (and the witness quorum, with --policy), that the path leads from the event's
      line to the signed root, and the line's chain hash. Exit 0 verified, 1 a check failed, 2 malformed input. Example:
        ess verify-proof seq-812.proof --vkey strasbourg.eu/ess/journal+1a2b3c4d+AX…
      """)

  @Argument(help: "The proof file (c2sp.org/tlog-proof@v1), or - for standard input.") var proof: String
  @OptionGroup var trust: TrustOptions
  @Option(help: "A file holding the event's line, for a proof without it (or to compare).") var event: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let (checkpoint, line) = try OfflineChecks.verifyProof(file: proof, vkey: trust.vkey, policy: trust.policy, event: event)
      print(line)
      StandardError.write("ess: verified: this event is in the tree of \(checkpoint.size) events signed by \(checkpoint.origin).\n")
    }
  }
}

struct VerifyConsistency: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify-consistency",
    abstract: "Check offline that a newer checkpoint extends an older one (no journal needed).",
    discussion: """
      A failure between two validly signed checkpoints proves the history was rewritten or forked: keep both files.
      Example: ess verify-consistency 00000000000000001000.checkpoint 1000-1358.request --vkey log.vkey
      """)

  @Argument(help: "The old checkpoint file.") var old: String
  @Argument(help: "The consistency proof (old N, hashes, the new checkpoint).") var proof: String
  @OptionGroup var trust: TrustOptions

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let (a, b) = try OfflineChecks.verifyConsistency(old: old, file: proof, vkey: trust.vkey, policy: trust.policy)
      print("Consistent: the tree of \(b.size) events of \(b.origin) extends the one of \(a.size) events.")
    }
  }
}
