import ArgumentParser
import Service

struct Types: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The event catalog: types, fields and rules.",
    discussion: "Examples:\n  ess types\n  ess types okote.pledge-made")

  @Argument(help: "A type to describe in full.") var type: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      print(try type.map { t throws(ServiceError) in try CatalogText.describe(t) } ?? CatalogText.list())
    }
  }
}
