import ArgumentParser
import Service

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one event, whole, with the corrections and retractions that apply to it.",
    discussion: "Examples:\n  ess show 812\n  ess show 6f1c2b1e-8a8e-4c55-9c3b-2a77d7c0b8e1")

  @OptionGroup var journal: JournalOption
  @Argument(help: "The event's seq or id.") var key: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try EventDetails.load(journal: journal.path, key: key).text) }
  }
}
