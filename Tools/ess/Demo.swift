import ArgumentParser
import Catalog
import Journal
import Projections

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create a journal holding the bundled ESS history, verify it and summarise it.",
    discussion: "Example: ess demo /tmp/ess-demo")

  @Argument(help: "Where to create the demo journal (a new or empty folder).") var directory: String = "./ess-demo"

  func run() throws {
    try Failure.run {
      let result = try Catalog.Demo.materialise(at: directory)
      print(
        "Created \(directory) with \(result.appended) events of the bundled history (head seq \(result.head.seq), hash \(result.head.hash))."
      )
      let summary = try Fold.run(JournalSummary.self, over: Reader(at: directory))
      let report = try Verifier.verify(at: directory)
      print(StatsText.render(summary, report))
      print(VerifyText.render(report))
    }
  }
}
