import ArgumentParser
import Journal

struct Seal: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compact the last segment now (large LZ4 frames, same events and hashes).",
    discussion: "Segments are sealed automatically when full; this seals the current one early. Example: ess seal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run {
      try Writer(at: journal.path).seal()
      print("Sealed the last segment of \(journal.path).")
    }
  }
}
