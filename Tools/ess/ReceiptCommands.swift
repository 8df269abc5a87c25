import ArgumentParser
import Service

struct VerifyReceipt: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify-receipt",
    abstract: "Check a bilan receipt: offline, against a journal, and by re-running the bilan.",
    discussion: """
      Levels (PROOFS.md §5.3): 1, offline: the publisher's signature, the file's SHA-256 and size, and with --checkpoint
      and --policy the signed (and cosigned) tree it names; 2, with --journal: the journal's first S events have that root;
      3, with --rerun: re-running gives the same bytes (same build) or, for JSON, the same figures (same fold).
      Exit 0 verified, 1 a check failed, 2 malformed input. Example:
        ess verify-receipt bilan-2022.json.receipt bilan-2022.json --vkey publisher.vkey --journal ./journal --rerun
      """)

  @Argument(help: "The receipt file.") var receipt: String
  @Argument(help: "The file it covers (the bilan's bytes).") var file: String
  @Option(help: "The publisher's verifier key, or a file holding it.") var vkey: String
  @Option(help: "The signed checkpoint the receipt names (with --policy).") var checkpoint: String?
  @Option(help: "The log's tlog-policy file: its key and the witness quorum.") var policy: String?
  @Option(help: "A copy of the journal, to check the tree and re-run.") var journal: String?
  @Flag(help: "Re-run the bilan (needs --journal).") var rerun = false

  func validate() throws {
    if (checkpoint == nil) != (policy == nil) { throw ValidationError("--checkpoint and --policy go together.") }
    if rerun && journal == nil { throw ValidationError("--rerun needs --journal DIR.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let verified = try Receipts.verify(
        receipt: receipt, file: file, vkey: vkey, checkpoint: checkpoint, policy: policy, journal: journal, rerun: rerun,
        program: BuildIdentity.program())
      print("Verified: " + verified.checks.joined(separator: "; ") + ".")
    }
  }
}

struct ReceiptCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "receipt", abstract: "Work on bilan receipts.", subcommands: [ReceiptCountersign.self])
}

struct ReceiptCountersign: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "countersign",
    abstract: "Re-run a published bilan against a journal; if every check passes, add your signature to its receipt.",
    discussion:
      "Example (the CRESS, on its copy): ess receipt countersign bilan-2022.json.receipt bilan-2022.json --journal ./mirror --key cress.key"
  )

  @Argument(help: "The receipt file (a line is appended to it).") var receipt: String
  @Argument(help: "The file it covers.") var file: String
  @OptionGroup var journal: JournalOption
  @Option(help: "Your private key file.") var key: String
  @Option(help: "The publisher's verifier key (default: the one the journal's bilan.published event of this file names).")
  var vkey: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let verified = try Receipts.countersign(
        receipt: receipt, file: file, vkey: vkey, journal: journal.path, key: key, program: BuildIdentity.program())
      print("Countersigned: " + verified.checks.joined(separator: "; ") + ".")
    }
  }
}
