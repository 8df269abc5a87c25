import ArgumentParser
import Glibc
import Service

struct BilanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bilan",
    abstract: "The bilan of a year (BILAN.md), as known today or on any past date.",
    discussion: """
      Valid time decides the year (occurredOn, Europe/Paris); --as-known-on cuts transaction time:
      only events recorded on or before that date (end of day, Europe/Paris) or instant are read,
      corrections included. The footer names the exact history read (seq and hash).

      With --receipt FILE, the bilan folds the events of a signed checkpoint (the latest, or --tree-size S),
      a receipt signed by the publisher's key (--key, else $ESS_PUBLISHER_KEY) is written to FILE, and a
      bilan.published event is appended (--author, else $ESS_AUTHOR). Check it with ess verify-receipt.

      CSV comes in two dialects (FORMATS.md §2). --format csv is the open-data
      one: ",", "." decimals, CRLF, UTF-8 without BOM. --format csv-fr is for
      LibreOffice or Excel in French (which read 426.50 as text): ";", decimal
      comma, CRLF, UTF-8 with BOM, oui/non, and text that a spreadsheet would
      run (= + - @ first) prefixed with '.

      With --long, the bilans of YEAR or of a range Y1..Y2 are one long
      open-data table, one row per year and indicator (annee, indicateur,
      libelle, valeur, unite, perimetre, connu_au, journal_seq, journal_hash),
      from one pass over the journal. --datapackage DIR writes it to DIR with
      a Frictionless datapackage.json.

      Examples:
        ess bilan 2022
        ess bilan 2022 --as-known-on 2023-03-31 --format json
        ess bilan 2022 --format markdown --lang en > bilan-2022.md
        ess bilan 2022 --format csv-fr -o bilan-2022.csv
        ess bilan 2010..2023 --format csv --long > bilans.csv
        ess bilan 2010..2023 --format csv --long --datapackage opendata
        ess bilan 2022 --format xlsx -o bilan-2022.xlsx
        ess bilan 2022 --format json -o bilan-2022.json --receipt bilan-2022.json.receipt --key publisher.key --author c.muller
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: ArgumentHelp("The year, e.g. 2022; with --long, also a range of years, e.g. 2010..2023.", valueName: "year"))
  var years: String
  @Option(help: "Read the journal as it was on this date (YYYY-MM-DD) or instant (RFC 3339).") var asKnownOn: String?
  @Option(
    help:
      "text (default), markdown, json, csv (open data), csv-fr (spreadsheets in French), html (a self-contained page with charts), pdf (needs Chromium, and -o), xlsx or ods (need -o)."
  )
  var format: Reports.BilanFormat = .text
  @Flag(help: "The open-data long table (one row per year and indicator), for --format csv or csv-fr.") var long = false
  @Option(help: "With --long: write DIR/bilan-Y1-Y2.csv and DIR/datapackage.json (a Frictionless data package).")
  var datapackage: String?
  @Option(help: "fr (default) or en, for text, markdown and csv labels.") var lang: BilanLanguage = .fr
  @Flag(help: "Ignore the saved checkpoint and fold the whole journal from the start (audits, benchmarks).")
  var noCheckpoint = false
  @Option(help: "Fold only the first S events (a receipt's default: the latest signed checkpoint).") var treeSize: UInt64?
  @Option(help: "Sign a receipt of the bytes written, into this file (PROOFS.md §5).") var receipt: String?
  @Option(help: "The publisher's private key file, for --receipt (default: $ESS_PUBLISHER_KEY).") var key: String?
  @Option(help: "Who publishes, for the bilan.published event (default: $ESS_AUTHOR).") var author: String?
  @Option(name: [.customShort("o"), .long], help: "Write the bilan to this file instead of standard output.") var output: String?
  @Option(help: "For --format html: a Mustache template to use instead of the bundled one.") var template: String?

  var publisherKey: String? { key ?? environment("ESS_PUBLISHER_KEY") }
  var resolvedAuthor: String? { author ?? environment("ESS_AUTHOR") }

  func environment(_ name: String) -> String? {
    guard let v = getenv(name).map({ String(cString: $0) }), !v.isEmpty else { return nil }
    return v
  }

  /// The years named: `2022` or `2010..2023` (checked by validate()).
  var range: ClosedRange<Int> { Self.years(years) ?? 0...0 }
  var year: Int { range.lowerBound }

  /// `YYYY` or `Y1..Y2` (Y1 ≤ Y2), nil otherwise.
  static func years(_ text: String) -> ClosedRange<Int>? {
    let parts = text.split(separator: "..", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count),
      let first = Int(parts[0]), let last = Int(parts[parts.count - 1]), first <= last
    else { return nil }
    return first...last
  }

  func validate() throws {
    guard let range = Self.years(years) else {
      let backwards = years.split(separator: "..").compactMap { Int($0) }
      if backwards.count == 2 && backwards[0] > backwards[1] {
        throw ValidationError("The years \(years) run backwards; expected Y1..Y2 with Y1 before Y2, e.g. 2010..2023.")
      }
      throw ValidationError("Expected a year (e.g. 2022) or, with --long, a range of years (e.g. 2010..2023); got '\(years)'.")
    }
    for y in [range.lowerBound, range.upperBound] where !(1900...2100).contains(y) {
      throw ValidationError("The year must be between 1900 and 2100; got \(y).")
    }
    if range.count > 1 && !long {
      throw ValidationError("A range of years (\(years)) is for the long open-data table: add --long --format csv, or give one year.")
    }
    if long && format.dialect == nil {
      throw ValidationError("--long writes the open-data table in CSV: give --format csv (or csv-fr), not \(format.rawValue).")
    }
    if datapackage != nil && !long {
      throw ValidationError("--datapackage writes the long open-data table: add --long --format csv.")
    }
    if long {
      for (given, name) in [(receipt != nil, "--receipt"), (template != nil, "--template"), (treeSize != nil, "--tree-size")] where given {
        throw ValidationError("\(name) is not for --long (the open-data table); sign or fold one year's bilan instead.")
      }
      if datapackage != nil && output != nil {
        throw ValidationError("--datapackage DIR names the files it writes; leave out -o.")
      }
    }
    if template != nil && format != .html && format != .pdf { throw ValidationError("--template is for --format html or pdf.") }
    if format == .pdf && receipt != nil {
      throw ValidationError(
        "A PDF carries the dates Chromium prints it at, so it cannot be re-run byte for byte: sign the HTML page instead.")
    }
    if let spreadsheet = format.spreadsheet {
      guard output != nil else { throw ValidationError("An \(spreadsheet.rawValue.uppercased()) file is binary: give -o FILE.") }
      if receipt != nil {
        throw ValidationError("A receipt signs a text bilan: sign --format json, csv or html instead of \(spreadsheet.rawValue).")
      }
    }
    if receipt != nil && publisherKey == nil {
      throw ValidationError("A receipt is signed with the publisher's key: give --key FILE (or set ESS_PUBLISHER_KEY).")
    }
    if receipt != nil && resolvedAuthor == nil { throw ValidationError("Say who publishes with --author NAME (or set ESS_AUTHOR).") }
    if let asKnownOn, !Reports.isCut(asKnownOn) {
      throw ValidationError("--as-known-on expects a date YYYY-MM-DD or an RFC 3339 date-time with its offset; got '\(asKnownOn)'.")
    }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      if long {
        if let datapackage {
          let written = try Reports.dataPackage(
            journal: journal.path, years: range, asKnownOn: asKnownOn, format: format, language: lang, useCheckpoint: !noCheckpoint,
            to: datapackage)
          print("Wrote \(written.csv) (\(written.rows) rows) and \(written.package).")
        } else {
          let text = try Reports.longBilan(
            journal: journal.path, years: range, asKnownOn: asKnownOn, format: format, language: lang, useCheckpoint: !noCheckpoint,
            to: output)
          if output == nil { print(text, terminator: format.lineEnd) }
        }
        return
      }
      if let receipt {
        let published = try Receipts.publish(
          journal: journal.path, year: year, asKnownOn: asKnownOn, format: format, language: lang, treeSize: treeSize,
          key: publisherKey!, author: resolvedAuthor!, program: BuildIdentity.program(), receiptPath: receipt, outputPath: output)
        if output == nil { StandardOutput.write(published.output) }
        let left = published.leftOut > 0 ? "; the \(published.leftOut) event(s) after it are left out" : ""
        StandardError.write(
          "ess: receipt \(receipt) covers the tree of \(published.body.treeSize) events\(left); logged as event \(published.publishedSeq) (bilan.published).\n"
        )
        return
      }
      let text = try Reports.bilan(
        journal: journal.path, year: year, asKnownOn: asKnownOn, format: format, language: lang, useCheckpoint: !noCheckpoint,
        treeSize: treeSize, to: output, template: template,
        command: Reports.reproducingCommand(
          year: year, asKnownOn: asKnownOn, format: format.rawValue, language: lang.rawValue, treeSize: treeSize))
      if output == nil {
        print(text, terminator: format.lineEnd)
      } else if format == .pdf {
        print("Wrote \(output!) (PDF, A4).")
      } else if let spreadsheet = format.spreadsheet {
        print("Wrote \(output!) (\(spreadsheet.rawValue.uppercased())).")
      }
    }
  }
}

extension Reports.BilanFormat: ExpressibleByArgument {}
extension Reports.HistoryFormat: ExpressibleByArgument {}
extension BilanLanguage: ExpressibleByArgument {}
