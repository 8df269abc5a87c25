import ArgumentParser
import Service

struct Correct: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "correct",
    abstract: "Correct an event: append event.corrected with its data changed (nothing is edited).",
    discussion: """
      Give only the fields that change, as key=value; the others keep their current value.
      key= (empty) removes an optional field. --occurred-on moves the event's valid time.

      Example:
        ess correct 812 insertionHours=12450 --author c.muller --reason "erreur de saisie, cf. rapport T3"
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The seq of the event to correct.") var seq: UInt64
  @Argument(help: "The changed fields, as key=value.") var fields: [String] = []
  @Option(help: "A new valid time for the event, YYYY-MM-DD.") var occurredOn: String?
  @OptionGroup var who: AuthorOptions
  @Option(help: "Why (required).") var reason: String

  func validate() throws {
    if fields.isEmpty && occurredOn == nil {
      throw ValidationError("Say what changes: key=value pairs and/or --occurred-on DATE.")
    }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let done = try Appending.correct(
        journal: journal.path, seq: seq, pairs: fields, occurredOn: occurredOn, author: who.resolvedAuthor!, reason: reason,
        source: who.source)
      print("seq \(done.seq)\nid \(done.id)\nhash \(done.hash)")
    }
  }
}
