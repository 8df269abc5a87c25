import ArgumentParser
import Service

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check every checksum and the whole hash chain; exit 0 only if all is intact.",
    discussion: "Example: ess verify --journal ./journal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let report = try JournalAdmin.verify(journal: journal.path)
      print(report.text)
      if let damage = report.damage { throw ServiceError(damage) }
    }
  }
}
