import ArgumentParser
import Service

struct Append: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "append",
    abstract: "Append one event, checked against the catalog and the whole history.",
    discussion: """
      Fields are given as key=value, typed by the catalog (numbers, booleans, dates, lists a,b,c);
      'ess types TYPE' lists them. --data '{…}' gives them as JSON instead.
      Prints the new seq, id and hash.

      Examples:
        ess append pole.member-joined memberId=emmaus-mundo name="Emmaüs Mundo" legalForm=association \\
          city=Strasbourg --occurred-on 2021-11-09 --author c.muller
        ess append books.donation-counted books=4265 --occurred-on 2022-12-31 --author c.muller \\
          --source "compteur Lire et faire lire"
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The event type, e.g. pole.member-joined ('ess types' lists them).") var type: String
  @Argument(help: "The event's fields, as key=value.") var fields: [String] = []
  @Option(help: "The event's fields as a JSON object (key=value pairs override them).") var data: String?
  @Option(help: "Valid time: when it happened, YYYY-MM-DD (default: today, Europe/Paris).") var occurredOn: String?
  @OptionGroup var who: AuthorOptions
  @Option(help: "Why (required for corrections).") var reason: String?
  @Option(help: "A UUID of your own, so that a retry never appends twice.") var id: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let done = try Appending.append(
        journal: journal.path, type: type, pairs: fields, json: data, occurredOn: occurredOn, author: who.resolvedAuthor!,
        source: who.source, reason: reason, id: id)
      print("seq \(done.seq)\nid \(done.id)\nhash \(done.hash)")
      if done.existed { print("(this event was already in the journal with the same id and content: nothing was written)") }
    }
  }
}
