extension Demo {
  /// `ess demo DIR`: makes the journal, then says what it holds, its 2022 bilan, and what to try next.
  /// - Throws: ``ServiceError`` if the folder is not empty or the journal cannot be written.
  public static func run(at directory: String) throws(ServiceError) -> String {
    let result = try materialise(at: directory)
    let bilan = try BilanReader(journal: directory).bilan(year: 2022)
    return [
      "Created \(directory): \(result.appended) events of the bundled history in \(result.commits) commits (head seq \(result.head.seq), hash \(result.head.hash)).",
      "",
      bilan.text(language: .fr, markdown: false),
      "",
      "Next: ess bilan 2021 --journal \(directory) · ess history procurement.insertion_hours --year 2022 --journal \(directory) · ess log --journal \(directory)",
    ].joined(separator: "\n")
  }
}
