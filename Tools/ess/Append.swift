import ArgumentParser
import Journal

#if canImport(Glibc)
  import Glibc
#endif

struct Append: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Append one event (its data as JSON) as one durable commit.",
    discussion: """
      Example:
        ess append books.donation-counted --data '{"books":4265,"site":"Médiathèque Malraux"}' \\
          --occurred-on 2022-12-31 --author c.muller --source "compteur 2022"
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The event type, e.g. pole.member-joined.") var type: String
  @Option(help: "The event's data, a JSON object.") var data: String = "{}"
  @Option(help: "Valid time: YYYY-MM-DD (or an RFC 3339 date-time).") var occurredOn: String
  @Option(help: "Who appends (default: $ESS_AUTHOR).") var author: String?
  @Option(help: "Provenance, e.g. \"rapport SPASER 2022\".") var source: String?
  @Option(help: "Why.") var reason: String?
  @Option(help: "A UUID of your own, for idempotent retries.") var id: String?

  func validate() throws {
    if author == nil && getenv("ESS_AUTHOR") == nil {
      throw ValidationError("Say who appends with --author NAME (or set ESS_AUTHOR).")
    }
  }

  func run() throws {
    try Failure.run {
      let value = try JSONParser.parse(data)
      let who = author ?? String(cString: getenv("ESS_AUTHOR")!)
      let event = NewEvent(id: id, type: type, occurredOn: occurredOn, author: who, source: source, reason: reason, data: value)
      let done = try Writer(at: journal.path).append([event])[0]
      print("seq \(done.seq)\nid \(done.id)\nhash \(done.hash)\(done.existed ? "\n(already in the journal: nothing written)" : "")")
    }
  }
}
