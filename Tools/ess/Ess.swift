import ArgumentParser
import Journal

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Ess: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ess",
    abstract: "The ESS journal: an append-only, tamper-evident history of Strasbourg's social and solidarity economy policy.",
    discussion: """
      Every change is an immutable event in a compressed journal; nothing is edited or deleted.
      Examples:
        ess demo /tmp/ess-demo
        ess init --journal ./journal
        ess append books.donation-counted --data '{"books":4265}' --occurred-on 2022-12-31 --author c.muller
        ess verify --journal ./journal
      """,
    subcommands: [
      Init.self, Demo.self, Append.self, Import.self, Correct.self, Retract.self, Log.self, Show.self, Types.self,
      BilanCommand.self, History.self, Rebuild.self, Verify.self, Export.self, Stats.self, Seal.self,
    ]
  )

  /// As ParsableCommand's, but usage errors exit with 2 (CLI.md), not 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandleStderr.write(fullMessage(for: error) + "\n")
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// `--journal DIR`, else `ESS_JOURNAL`, else `./journal` (CLI.md).
struct JournalOption: ParsableArguments {
  @Option(name: .long, help: "The journal folder (default: $ESS_JOURNAL, else ./journal).")
  var journal: String?

  var path: String {
    if let journal { return journal }
    if let env = getenv("ESS_JOURNAL") { return String(cString: env) }
    return "./journal"
  }
}
