import ArgumentParser
import Service

struct Seal: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seal",
    abstract: "Compact the last segment now (large LZ4 frames, same events and hashes).",
    discussion: "Segments are sealed automatically when full; this seals the current one early. Example: ess seal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      try JournalAdmin.seal(journal: journal.path)
      print("Sealed the last segment of \(journal.path).")
    }
  }
}
