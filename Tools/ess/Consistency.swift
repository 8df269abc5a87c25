import ArgumentParser
import Service

struct Consistency: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "consistency",
    abstract: "Print the consistency proof between two signed checkpoints, as a witness's add-checkpoint request.",
    discussion: """
      OLD and NEW are sizes of stored checkpoints (NEW: the latest). The output goes to a witness unchanged. Examples:
        ess consistency 1000 > 1000-1358.request
        ess consistency --witness cress > cress.request    # from the size that witness last cosigned
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The old checkpoint's size (with --witness: the new one's, if not the latest).") var old: UInt64?
  @Argument(help: "The new checkpoint's size (default: the latest).") var new: UInt64?
  @Option(help: "Start from the largest checkpoint this witness of the policy cosigned.") var witness: String?

  func validate() throws {
    if old == nil && witness == nil { throw ValidationError("Give the old size, or --witness NAME.") }
    if witness != nil && new != nil { throw ValidationError("With --witness, give at most one size: the new checkpoint's.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let proof = try Checkpoints.consistency(
        journal: journal.path, old: witness == nil ? old : nil, new: witness == nil ? new : old, witness: witness)
      StandardOutput.write(proof.bytes)
    }
  }
}
