import ArgumentParser
import Journal

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List events as JSON Lines (the canonical lines, with prev and hash).",
    discussion: "Example: ess log --from-seq 100 --journal ./journal")

  @OptionGroup var journal: JournalOption
  @Option(help: "First seq to list.") var fromSeq: UInt64 = 1

  func run() throws {
    try Failure.run {
      try Reader(at: journal.path).forEach(from: fromSeq) { print($0.line) }
    }
  }
}
