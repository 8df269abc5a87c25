import ArgumentParser
import Service

struct Rebuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rebuild the bilan checkpoint: fold the whole journal and save the state at its head.",
    discussion: """
      Bilans then fold only the events recorded after it. A checkpoint is a cache: if it is damaged,
      of another version of ess, or of another history, it is ignored (and rebuilt by this command).

      Example: ess rebuild --journal /srv/ess/journal
      """)

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try Reports.rebuild(journal: journal.path)) }
  }
}
