import ArgumentParser
import Service

struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the empty spreadsheet people fill to report events of one type.",
    discussion: """
      The header is occurredOn then the catalog's field names of TYPE (ess types TYPE explains them); the columns
      are typed: identifiers and names as text (a SIRET keeps its leading zero), dates with a date style, euros
      with two decimals, counts as numbers.

      Examples:
        ess template procurement.insertion-hours-reported --format xlsx -o heures-insertion.xlsx
        ess template pole.member-joined --format ods -o adhesions.ods
      """)

  @Argument(help: "The event type, e.g. procurement.insertion-hours-reported.") var type: String
  @Option(help: "xlsx or ods.") var format: SpreadsheetFormat
  @Option(name: [.customShort("o"), .long], help: "The file to write.") var output: String?

  func validate() throws {
    guard output != nil else { throw ValidationError("An \(format.rawValue.uppercased()) file is binary: give -o FILE.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      try SpreadsheetTemplate.write(type: type, format: format, to: output!)
      print("Wrote \(output!) (\(format.rawValue.uppercased()), the template of \(type)).")
    }
  }
}

extension SpreadsheetFormat: ExpressibleByArgument {}
