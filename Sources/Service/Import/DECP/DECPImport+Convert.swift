import Domain
import Journal

extension DECPImport {
  /// The events of a file, with what each came from (for reconciling with the journal).
  struct Staged {
    var converted = Importer.Converted()
    /// For each event: its record's `datePublicationDonnees`.
    var published: [String] = []
  }

  /// Maps every contract of `document` to its event, or to the one message that says what is wrong with it.
  static func convert(_ document: DECPDocument, facts: DECPFacts, options: Options) -> (Staged, Report) {
    var staging = Staging()
    staging.report.version = document.version.rawValue
    staging.report.syntax = document.syntax
    staging.report.records = document.marches.count
    staging.report.skippedConcessions = document.concessions
    staging.staged.converted.count = document.marches.count
    for (number, members, fileProblems) in document.marches {
      let examined = DECPExamined.examine(
        number: number, members: members, problems: fileProblems, version: document.version, textScalars: document.textScalars,
        facts: facts, options: options)
      staging.take(examined, number: number)
    }
    return (staging.staged, staging.report)
  }
}
