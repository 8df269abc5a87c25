import ArgumentParser
import Service

struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the empty table people fill to send events of one type.",
    discussion: """
      csv-fr: UTF-8 with a byte-order mark, ';' between columns, CRLF, one header line
      in French labels: the date of each row, then the type's fields ('ess types TYPE'
      explains them). Fill it in a spreadsheet, save it as CSV, and import it with
      'ess import --from csv FILE --type TYPE'.

      Examples:
        ess template procurement.insertion-hours-reported --format csv-fr -o heures.csv
        ess template pole.member-joined --format csv-fr > membres.csv
      """)

  @Argument(help: "The event type, e.g. procurement.insertion-hours-reported ('ess types' lists them).") var type: String
  @Option(help: "The template's form.") var format: Templates.Format
  @Option(name: [.customShort("o"), .long], help: "Write the template to this file instead of standard output.") var output: String?

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let bytes = try Templates.make(type: type, format: format, output: output)
      if output == nil { StandardOutput.write(bytes) } else { print("Wrote \(output!) (\(format.rawValue), type \(type)).") }
    }
  }
}

extension Templates.Format: ExpressibleByArgument {}
