import ArgumentParser
import Service

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create an empty journal (refuses a folder that is not empty).",
    discussion: "Example: ess init --journal /srv/ess/journal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      try JournalAdmin.create(at: journal.path)
      print("Created an empty journal in \(journal.path).")
    }
  }
}
