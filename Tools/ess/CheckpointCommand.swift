import ArgumentParser
import Service

/// `ess checkpoint`: sign a checkpoint (the default), set signing up, add witnesses' cosignatures.
struct CheckpointCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "Sign checkpoints of the journal's Merkle tree (C2SP tlog-checkpoint), set signing up, add cosignatures.",
    discussion: """
      Examples:
        ess checkpoint init --origin strasbourg.eu/ess/journal --key-out /etc/ess/log.key
        ess checkpoint --key /etc/ess/log.key              # sign the head (or print the stored one)
        ess checkpoint --unsigned --size 1000              # the note text only
        ess checkpoint add-witness cress cress-grandest.org/witness+…  --quorum cress
        ess checkpoint add-cosignature cress.cosig         # lines a witness sent back
      """,
    subcommands: [CheckpointSign.self, CheckpointInit.self, CheckpointAddWitness.self, CheckpointAddCosignature.self],
    defaultSubcommand: CheckpointSign.self
  )
}

struct CheckpointSign: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sign",
    abstract: "Sign a checkpoint of the first S events (default: all) and print it; the same S again prints the stored one.",
    discussion: """
      Never signs backwards, and refuses a journal that does not reproduce the root of its largest signed checkpoint
      (an old copy restored, then appended to). Example: ess checkpoint --key /etc/ess/log.key
      """)

  @OptionGroup var journal: JournalOption
  @OptionGroup var key: LogKeyOption
  @Option(help: "The tree size: the number of events to cover (default: all).") var size: UInt64?
  @Flag(help: "Print the checkpoint's note text without signing (no key needed).") var unsigned = false

  func validate() throws {
    if !unsigned && key.path == nil { throw ValidationError("Give the log's key with --key FILE (or set ESS_LOG_KEY), or use --unsigned.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      if unsigned {
        StandardOutput.write(try Checkpoints.unsigned(journal: journal.path, size: size).text)
        return
      }
      let (signed, isNew) = try Checkpoints.sign(journal: journal.path, key: key.path!, size: size)
      StandardOutput.write(signed.bytes)
      if !isNew { StandardError.write("ess: checkpoint \(signed.checkpoint.size) was already signed; printed as stored.\n") }
    }
  }
}

struct CheckpointInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Set the journal's origin and log key (once, forever); print the verifier key to publish.",
    discussion: """
      The origin is a schema-less URL of the operator, one per journal (e.g. strasbourg.eu/ess/journal); the key's name is the origin.
      --key-out FILE makes a new key (mode 0600, outside the journal's folder); --key FILE uses an existing one.
      Example: ess checkpoint init --origin strasbourg.eu/ess/journal --key-out /etc/ess/log.key
      """)

  @OptionGroup var journal: JournalOption
  @Option(help: "The log's origin, e.g. strasbourg.eu/ess/journal.") var origin: String
  @Option(name: .customLong("key-out"), help: "Where to write a new private key (must not exist).") var keyOut: String?
  @Option(help: "An existing private key file whose name is the origin.") var key: String?

  func validate() throws {
    guard (keyOut == nil) != (key == nil) else { throw ValidationError("Give exactly one of --key-out FILE (a new key) and --key FILE.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let vkey = try Checkpoints.setUp(journal: journal.path, origin: origin, newKey: keyOut, key: key)
      print(vkey.vkey)
    }
  }
}

struct CheckpointAddCosignature: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-cosignature",
    abstract: "Append witnesses' cosignature lines to the stored checkpoints they sign (checked against the policy).",
    discussion: "Example: ess checkpoint add-cosignature cress.cosig     (- reads standard input)")

  @OptionGroup var journal: JournalOption
  @Argument(help: "A file of cosignature lines ('— <witness> <base64>'), or - for standard input.") var lines: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      for added in try Checkpoints.addCosignatures(journal: journal.path, lines: lines) {
        print("\(added.added ? "Added" : "Already there"): the cosignature of \(added.witness) on checkpoint \(added.size).")
      }
    }
  }
}

struct CheckpointAddWitness: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-witness",
    abstract: "Add a witness to the journal's policy (checkpoints/policy, C2SP tlog-policy), optionally setting the quorum.",
    discussion: "Example: ess checkpoint add-witness cress cress-grandest.org/witness+1b1c1495+BAa4… --quorum cress")

  @OptionGroup var journal: JournalOption
  @Argument(help: "The witness's name in the policy (used by groups and the quorum).") var name: String
  @Argument(help: "The witness's verifier key (type 04), or a file holding it.") var vkey: String
  @Option(help: "Set the quorum to this witness or group (or 'none').") var quorum: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      print(try Checkpoints.addWitness(journal: journal.path, name: name, vkey: vkey, quorum: quorum).text, terminator: "")
    }
  }
}
