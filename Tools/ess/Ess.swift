import ArgumentParser
import Glibc
import Service

@main
struct Ess: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ess",
    abstract: "The ESS journal: an append-only, tamper-evident history of Strasbourg's social and solidarity economy policy.",
    discussion: """
      Every change is an immutable event in a compressed journal; nothing is edited or deleted.
      The journal is --journal DIR (before or after the command), else $ESS_JOURNAL, else ./journal.
      ess --version prints the build: ess/<version>+<SHA-256 of the executable, 12 digits>.
      Examples:
        ess demo /tmp/ess-demo
        ess init --journal ./journal
        ess --journal ./journal append books.donation-counted --data '{"books":4265}' --occurred-on 2022-12-31 --author c.muller
        ess verify --journal ./journal
      """,
    subcommands: [
      Init.self, DemoCommand.self, Append.self, Import.self, Correct.self, Retract.self, Log.self, Show.self, Types.self,
      BilanCommand.self, SeriesCommand.self, HistoryCommand.self, Rebuild.self, Verify.self, Export.self, Stats.self, Seal.self,
      CheckpointCommand.self, Prove.self, Consistency.self, VerifyProof.self, VerifyConsistency.self, WitnessCommand.self,
      VerifyReceipt.self, ReceiptCommand.self, KeyCommand.self, Publish.self, Mirror.self, CheckID.self, Template.self,
    ]
  )

  /// As ParsableCommand's, but usage errors exit with 2 (CLI.md), not 64,
  /// and `--journal DIR` is accepted before the command as after it.
  static func main() {
    if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
      print(BuildIdentity.program())  // computed only when asked: it hashes the executable
      return
    }
    let arguments = GlobalOptions.movingJournalAfterCommand(Array(CommandLine.arguments.dropFirst()))
    do {
      var command = try direct(arguments) ?? parseAsRoot(arguments)
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        StandardError.write(fullMessage(for: error) + "\n")
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }

  /// The command `arguments` name, parsed by itself when it is one without
  /// subcommands and no help is asked: building the whole command tree
  /// (thirty commands, read by reflection) took about a sixth of `ess show`'s
  /// time. Nil when anything is amiss, for ``parseAsRoot(_:)`` to parse the
  /// line again and word the usage error or the help as `ess COMMAND`.
  static func direct(_ arguments: [String]) -> ParsableCommand? {
    guard let name = arguments.first,
      let command = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
      command.configuration.subcommands.isEmpty,
      !arguments.contains(where: {
        ["-h", "--help", "help", "--version"].contains($0) || $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental")
      })
    else { return nil }
    return try? command.parseAsRoot(Array(arguments.dropFirst()))
  }
}
