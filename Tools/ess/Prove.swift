import ArgumentParser
import Service

struct Prove: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prove",
    abstract: "Print the inclusion proof of one event (C2SP tlog-proof), against a signed checkpoint.",
    discussion: """
      The proof carries the event's line and the checkpoint with all its signatures: anyone can check it offline,
      with ess verify-proof or the tools of Tools/audit. Examples:
        ess prove 812 > seq-812.proof
        ess prove 812 --size 1000 --no-extra
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The event's seq or id.") var event: String
  @Option(help: "The size of the stored checkpoint to prove against (default: the latest).") var size: UInt64?
  @Option(help: "A checkpoint file of this journal's log to prove against (e.g. one cosigned elsewhere).") var checkpoint: String?
  @Flag(name: .customLong("no-extra"), help: "Leave the event's line out of the proof.") var noExtra = false

  func validate() throws {
    if size != nil && checkpoint != nil { throw ValidationError("Give --size or --checkpoint, not both.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let proof = try Checkpoints.prove(journal: journal.path, event: event, size: size, checkpointFile: checkpoint, extra: !noExtra)
      StandardOutput.write(proof.bytes)
    }
  }
}
