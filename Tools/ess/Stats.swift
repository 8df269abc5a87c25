import ArgumentParser
import Service

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Events by type and year, sizes on disk, compression ratio.",
    discussion: "Example: ess stats --journal ./journal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try JournalAdmin.stats(journal: journal.path).text) }
  }
}
