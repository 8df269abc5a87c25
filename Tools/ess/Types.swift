import ArgumentParser
import Service

struct Types: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "types",
    abstract: "The event catalog: types, fields and rules.",
    discussion: "Examples:\n  ess types\n  ess types okote.pledge-made --lang fr")

  @Argument(help: "A type to describe in full.") var type: String?
  @Option(help: "en (default: the catalog's own words) or fr.") var lang: BilanLanguage = .en

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      if let type {
        print(try CatalogText.describe(type, language: lang))
      } else {
        print(CatalogText.list(language: lang))
      }
    }
  }
}
