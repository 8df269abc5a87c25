import ArgumentParser
import Service

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Create a journal holding the bundled ESS history and print its 2022 bilan.",
    discussion: "Example: ess demo /tmp/ess-demo")

  @Argument(help: "Where to create the demo journal (a new or empty folder).") var directory: String = "./ess-demo"

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try Demo.run(at: directory)) }
  }
}
