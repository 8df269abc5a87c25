import ArgumentParser
import Glibc

/// `--journal DIR`, else `ESS_JOURNAL`, else `./journal` (CLI.md).
struct JournalOption: ParsableArguments {
  @Option(name: .long, help: "The journal folder (default: $ESS_JOURNAL, else ./journal); may also come before the command.")
  var journal: String?

  var path: String {
    if let journal { return journal }
    if let env = getenv("ESS_JOURNAL") { return String(cString: env) }
    return "./journal"
  }
}
