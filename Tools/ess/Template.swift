import ArgumentParser
import Service

struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the empty table people fill to send events of one type.",
    discussion: """
      One header line in French labels: the date of each row, then the type's fields
      ('ess types TYPE' explains them). csv-fr: UTF-8 with a byte-order mark, ';'
      between columns, CRLF; fill it in a spreadsheet, save it as CSV, and import it
      with 'ess import FILE --from csv --type TYPE'. xlsx and ods (written with -o):
      typed columns, identifiers as text (a SIRET keeps its leading zero), dates with
      a date style; import it with 'ess import FILE --from xlsx --type TYPE'.

      Examples:
        ess template procurement.insertion-hours-reported --format csv-fr -o heures.csv
        ess template pole.member-joined --format csv-fr > membres.csv
        ess template procurement.insertion-hours-reported --format xlsx -o heures.xlsx
      """)

  @Argument(help: "The event type, e.g. procurement.insertion-hours-reported ('ess types' lists them).") var type: String
  @Option(help: "csv-fr, xlsx or ods.") var format: Templates.Format
  @Option(name: [.customShort("o"), .long], help: "Write the template to this file instead of standard output.") var output: String?

  func validate() throws {
    if format.isBinary && output == nil {
      throw ValidationError("An \(format.rawValue.uppercased()) file is binary: give -o FILE.")
    }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let bytes = try Templates.make(type: type, format: format, output: output)
      if output == nil {
        StandardOutput.write(bytes)
      } else {
        print("Wrote \(output!) (\(format.rawValue.uppercased()), the template of \(type)).")
      }
    }
  }
}

extension Templates.Format: ExpressibleByArgument {}
