import ArgumentParser
import Catalog
import Journal
import Projections

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create a journal holding the bundled ESS history and print its 2022 bilan.",
    discussion: "Example: ess demo /tmp/ess-demo")

  @Argument(help: "Where to create the demo journal (a new or empty folder).") var directory: String = "./ess-demo"

  func run() throws {
    try Failure.run {
      let result = try Catalog.Demo.materialise(at: directory)
      print(
        "Created \(directory): \(result.appended) events of the bundled history in \(result.commits) commits (head seq \(result.head.seq), hash \(result.head.hash))."
      )
      print("")
      print(try BilanReader(journal: directory).bilan(year: 2022).text(language: .fr, markdown: false))
      print("")
      print(
        "Next: ess bilan 2021 --journal \(directory) · ess history procurement.insertion_hours --year 2022 --journal \(directory) · ess log --journal \(directory)"
      )
    }
  }
}
