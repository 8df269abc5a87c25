import ArgumentParser
import Glibc

/// Options every appending command shares: who, where from.
struct AuthorOptions: ParsableArguments {
  @Option(help: "Who appends: your login (default: $ESS_AUTHOR).") var author: String?
  @Option(help: "Provenance, e.g. \"rapport SPASER 2022\".") var source: String?

  var resolvedAuthor: String? {
    if let author { return author }
    guard let env = getenv("ESS_AUTHOR").map({ String(cString: $0) }), !env.isEmpty else { return nil }
    return env
  }

  func validate() throws {
    if resolvedAuthor == nil {
      throw ValidationError("Say who appends with --author NAME (or set ESS_AUTHOR).")
    }
  }
}
