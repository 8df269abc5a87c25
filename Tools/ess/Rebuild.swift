import ArgumentParser
import Service

struct Rebuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rebuild",
    abstract: "Rebuild the bilan checkpoint and the journal's indexes from its events.",
    discussion: """
      Bilans then fold only the events recorded after the checkpoint; appends read the integrity
      index, readers the frame index of each segment. All are caches: if one is damaged, of another
      version of ess, or of another history, it is ignored and rebuilt (by this command, or when needed).

      Example: ess rebuild --journal /srv/ess/journal
      """)

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try Reports.rebuild(journal: journal.path)) }
  }
}
