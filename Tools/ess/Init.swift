import ArgumentParser
import Journal

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create an empty journal (refuses a folder that is not empty).",
    discussion: "Example: ess init --journal /srv/ess/journal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run {
      try Writer.create(at: journal.path)
      print("Created an empty journal in \(journal.path).")
    }
  }
}
