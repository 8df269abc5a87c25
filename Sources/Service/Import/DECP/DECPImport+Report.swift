import Journal

extension DECPImport {
  /// What a DECP import did, or would do.
  public struct Report: Sendable {
    /// The shape read ("DECP v2", "DECP v1.5") and its syntax ("JSON", "XML").
    public var version = ""
    public var syntax = ""
    /// Contracts (`marche`) read.
    public var records = 0
    /// New events written (contracts, not counting corrections).
    public var imported = 0
    /// Records already in the journal (same id, same content; or the same record imported by someone else).
    public var alreadyPresent = 0
    /// Republished records recorded as `event.corrected` (`--as-correction`).
    public var corrected = 0
    public var skippedConcessions = 0
    public var skippedDefence = 0
    /// Buyer SIREN → records skipped (`--buyer-map SIREN=skip`).
    public var skippedBuyers: [String: Int] = [:]
    /// Amendments (`modifications`) met, and in how many records: counted, not applied.
    public var modifications = 0
    public var recordsWithModifications = 0
    /// Framework contracts (accord-cadre), by place: their amount is an estimated maximum.
    public var frameworks: [String] = []
    /// What is imported all the same (an identifier's checksum, a shortened title), by record.
    public var warnings: [ServiceError] = []
    /// Every problem (a dry run lists them all; an import is refused at the first).
    public var problems: [ServiceError] = []
    public var seqs: ClosedRange<UInt64>? = nil
    public var headHash: ChainHash? = nil
  }
}

extension DECPImport.Report {
  /// The report in a few lines, for the command line (problems aside: they go to standard error).
  ///
  /// ```
  /// Read 3 contract(s) from a DECP v2 JSON file.
  /// Imported 2 contract(s) as one commit: seq 13…14, head hash sha256:….
  /// ```
  public func summary(dryRun: Bool) -> [String] {
    var out = ["Read \(records) contract(s) from a \(version) \(syntax) file."]
    let corrections = corrected > 0 ? " and \(corrected) correction(s) of contracts republished with other content" : ""
    if dryRun {
      out.append(
        problems.isEmpty
          ? "Checked: no problem, the import would succeed\(corrected > 0 ? " (with \(corrected) correction(s))" : "")."
          : "Checked: \(problems.count) problem(s), nothing would be written.")
    } else if let seqs, let headHash {
      out.append(
        "Imported \(imported) contract(s)\(corrections) as one commit: seq \(seqs.lowerBound)…\(seqs.upperBound), head hash \(headHash).")
    } else {
      out.append("Nothing new: every contract of the file was already in the journal.")
    }
    if alreadyPresent > 0 { out.append("\(alreadyPresent) contract(s) were already in the journal.") }
    var skipped: [String] = []
    if skippedConcessions > 0 { skipped.append("\(skippedConcessions) concession(s)") }
    if skippedDefence > 0 { skipped.append("\(skippedDefence) defence or security contract(s)") }
    for (siren, n) in skippedBuyers.sorted(by: { $0.key < $1.key }) { skipped.append("\(n) contract(s) of buyer \(siren)") }
    if !skipped.isEmpty { out.append("Skipped: " + skipped.joined(separator: ", ") + ".") }
    if modifications > 0 {
      out.append(
        "Amendments (modifications): \(modifications) in \(recordsWithModifications) contract(s), counted, not applied (they are facts of their own date, not corrections)."
      )
    }
    if !frameworks.isEmpty {
      out.append("Framework contracts (accord-cadre), whose amount is an estimated maximum: \(frameworks.count).")
      for place in frameworks { out.append("  \(place): the amount is an estimated maximum.") }
    }
    if !warnings.isEmpty {
      out.append("Warnings (imported all the same): \(warnings.count).")
      for w in warnings { out.append("  \(w)") }
    }
    return out
  }
}
