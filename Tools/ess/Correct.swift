import ArgumentParser
import Catalog
import Journal

struct Correct: ParsableCommand {
  static let configuration = CommandConfiguration(
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
    try Failure.run {
      let ledger = try Ledger(journal: journal.path)
      let target = try ledger.effective(seq: seq).record
      let changes = try KeyValueData.changes(type: target.type, pairs: fields)
      let done = try ledger.correct(
        seq: seq, changes: changes, occurredOn: occurredOn, author: who.resolvedAuthor!, reason: reason, source: who.source,
        today: Today.paris)
      print("seq \(done.seq)\nid \(done.id)\nhash \(done.hash)")
    }
  }
}

struct Retract: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Retract an event: append event.retracted, after which it counts as if it never happened.",
    discussion: "Example: ess retract 812 --author c.muller --reason \"doublon de la ligne 811\"")

  @OptionGroup var journal: JournalOption
  @Argument(help: "The seq of the event to retract.") var seq: UInt64
  @OptionGroup var who: AuthorOptions
  @Option(help: "Why (required).") var reason: String

  func run() throws {
    try Failure.run {
      let done = try Ledger(journal: journal.path).retract(
        seq: seq, author: who.resolvedAuthor!, reason: reason, source: who.source, today: Today.paris)
      print("seq \(done.seq)\nid \(done.id)\nhash \(done.hash)")
    }
  }
}
