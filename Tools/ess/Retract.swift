import ArgumentParser
import Service

struct Retract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retract",
    abstract: "Retract an event: append event.retracted, after which it counts as if it never happened.",
    discussion: "Example: ess retract 812 --author c.muller --reason \"doublon de la ligne 811\"")

  @OptionGroup var journal: JournalOption
  @Argument(help: "The seq of the event to retract.") var seq: UInt64
  @OptionGroup var who: AuthorOptions
  @Option(help: "Why (required).") var reason: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let done = try Appending.retract(journal: journal.path, seq: seq, author: who.resolvedAuthor!, reason: reason, source: who.source)
      print("seq \(done.seq)\nid \(done.id)\nhash \(done.hash)")
    }
  }
}
