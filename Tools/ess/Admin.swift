import ArgumentParser
import Journal

#if canImport(Glibc)
  import Glibc
#endif

/// Options every appending command shares: who, where from, why.
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

enum Today {
  /// Today's date in Europe/Paris (CLI.md: the default valid time).
  static var paris: String { ParisTime.date(at: WriterOptions.systemClock()).description }
}

enum Terminal {
  static var stdoutIsTerminal: Bool { isatty(1) == 1 }
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
