import Domain
import Journal

/// `ess import --from decp`: the DECP (données essentielles de la commande
/// publique) of the Ville and the Eurométropole as `procurement.contract-awarded`
/// events, through the normal all-or-nothing import (FORMATS.md §1).
///
/// - Shapes, told from the content: v2 JSON (`{"marches": {"marche": [...]}}`),
///   v2 XML (`<marches>`), v1.5 JSON (`{"marches": [...]}`). Concessions and
///   "Marché de défense ou de sécurité" are skipped and counted.
/// - The event's id is the name-based UUID (v5) of the uid (buyer SIRET + `id`)
///   in the namespace ``namespace``: a record imported again is already there.
///   A record republished with other content is refused, or with
///   `asCorrection` recorded as one `event.corrected` of the event it replaces.
/// - What DECP does not say (ESS, SME, local; v1.5: the clauses) comes from a
///   SIRENE extract or a side file keyed by uid, never from a default.
///
/// ```swift
/// var options = DECPImport.Options(author: "c.muller")
/// options.sirene = "sirene-extrait.csv"
/// let report = try DECPImport.run(file: "decp-2024.json", journal: "journal", options: options, dryRun: true)
/// report.problems.forEach { print($0) }   // "Record 3 (uid 21670482500019TEST-3): 'dureeMois' must be …"
/// ```
public enum DECPImport {
  /// What the records of one buyer SIREN become.
  public enum BuyerChoice: Sendable, Equatable {
    case buyer(Buyer)
    /// Skipped and counted.
    case skip
  }

  /// How to import.
  public struct Options: Sendable {
    /// Who imports (the events' `author`).
    public var author: String
    /// Buyer SIREN → what its records become, beside the Ville's and the Eurométropole's own.
    public var buyerMap: [String: BuyerChoice] = [:]
    /// A SIRENE extract (CSV), and a side file keyed by uid (CSV).
    public var sirene: String? = nil
    public var side: String? = nil
    /// Record a republished record as a correction of the event imported before.
    public var asCorrection = false
    /// The corrections' own valid time (the day they are made); nil: today in Europe/Paris.
    public var today: String? = nil

    public init(author: String) { self.author = author }
  }

  /// The buyers ess knows: the Ville de Strasbourg and the Eurométropole, by SIREN.
  public static let knownBuyers: [String: Buyer] = Dictionary(uniqueKeysWithValues: SCDLSubsidy.grantors.map { ($0.siren, $0.buyer) })

  /// The namespace of the events' ids: the UUID v5 of the name `decp.ess.strasbourg.eu`
  /// in RFC 9562's DNS namespace, `3dc7937f-17ce-53f0-84bd-392540530fce`. Never change it:
  /// every DECP event's id depends on it.
  static let namespace: [UInt8] = [
    0x3d, 0xc7, 0x93, 0x7f, 0x17, 0xce, 0x53, 0xf0, 0x84, 0xbd, 0x39, 0x25, 0x40, 0x53, 0x0f, 0xce,
  ]

  /// The event id of the record whose uid is `uid` (buyer SIRET followed by the contract's `id`).
  public static func eventID(uid: String) -> String { NameBasedUUID.v5(namespace: namespace, name: uid) }

  /// `decp-` and the uid in lowercase, every character outside `[a-z0-9._-]` as `-`.
  public static func contractId(uid: String) -> String {
    var out = "decp-"
    for ch in uid.lowercased().unicodeScalars {
      let ok = ("a"..."z").contains(ch) || ("0"..."9").contains(ch) || ch == "." || ch == "_" || ch == "-"
      out.unicodeScalars.append(ok ? ch : "-")
    }
    return out
  }

  /// Reads `SIREN=ville|eurometropole|skip` (a `--buyer-map` value); nil when malformed.
  public static func buyerMapping(_ text: String) -> (siren: String, choice: BuyerChoice)? {
    let parts = text.split(separator: "=", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].utf8.count == 9, parts[0].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    let choice: BuyerChoice
    if parts[1] == "skip" {
      choice = .skip
    } else if let b = Buyer(rawValue: String(parts[1])) {
      choice = .buyer(b)
    } else {
      return nil
    }
    return (String(parts[0]), choice)
  }

  /// Imports the DECP file at `file` into the journal at `journal` as one
  /// commit; with `dryRun`, lists every problem of every record and writes nothing.
  ///
  /// - Returns: what was imported, already there, corrected, skipped; the warnings; a dry run's problems.
  /// - Throws: ``ServiceError``: the first problem (nothing written), or a file that cannot be read.
  public static func run(
    file: String, journal: String, options: Options, dryRun: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Report {
    var facts = DECPFacts()
    if let path = options.sirene { try facts.readSirene(InputFile.read(path), name: path) }
    if let path = options.side { try facts.readSide(InputFile.read(path), name: path) }
    let ledger = try Ledger(journal: journal)
    return try run(file: file, facts: facts, into: ledger, options: options, dryRun: dryRun, progress: progress)
  }

  /// The same, into `ledger`: a JSON file larger than `streamAbove` is imported a part at a time
  /// (``streamed(_:facts:ledger:options:dryRun:lookUpIds:progress:)``), any other read whole; `progress`
  /// is told (bytes read, bytes in all) as a streamed one goes.
  static func run(
    file: String, facts: DECPFacts, into ledger: Ledger, options: Options, dryRun: Bool, streamAbove: Int = Importer.streamAbove,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Report {
    let input = try InputFile(file)
    let head = try input.read(upTo: streamAbove + 1)
    if head.count > streamAbove, jsonStart(head) != nil {
      switch try streamed(
        file, opened: (input, head), facts: facts, ledger: ledger, options: options, dryRun: dryRun, lookUpIds: false,
        progress: progress)
      {
      case .success(let report): return report
      case .failure(.idTaken):
        if case .success(let report) = try streamed(
          file, facts: facts, ledger: ledger, options: options, dryRun: dryRun, lookUpIds: true, progress: progress)
        {
          return report
        }
      case .failure(.unexpected): break
      }
      // The walk read on from the first bytes: the whole-file reader reads the file again.
      return try run(InputFile.read(file), facts: facts, into: ledger, options: options, dryRun: dryRun)
    }
    let bytes = try head.count > streamAbove ? head + input.read(upTo: Int.max) : head
    return try run(bytes, facts: facts, into: ledger, options: options, dryRun: dryRun)
  }

  /// The same, for a file already read.
  static func run(_ bytes: [UInt8], facts: DECPFacts, into ledger: Ledger, options: Options, dryRun: Bool) throws(ServiceError)
    -> Report
  {
    var staged: Staged
    var report: Report
    if let split = try convertSplit(bytes, facts: facts, options: options) {
      (staged, report) = split
    } else {
      (staged, report) = convert(try DECPDocument.read(bytes), facts: facts, options: options)
    }
    if !dryRun, let first = Importer.byLine(staged.converted.problems).first { throw first }
    try reconcile(&staged, report: &report, ledger: ledger, options: options)
    let done = try Importer.run(staged.converted, into: ledger, dryRun: dryRun)
    report.problems = done.problems
    report.imported = done.imported - report.corrected
    report.alreadyPresent += done.alreadyPresent
    report.seqs = done.seqs
    report.headHash = done.headHash
    if dryRun { report.imported = 0 }
    return report
  }
}
