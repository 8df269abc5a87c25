import Domain

/// What DECP does not say and the catalog needs: the awardee's name and
/// whether it is ESS, an SME, local (Bas-Rhin), and, for v1.5, the clauses.
/// From a SIRENE extract (`--sirene`) and a side file keyed by uid (`--side`),
/// the side file winning where both speak. Nothing is ever assumed: a flag
/// no file gives is missing, and the record is refused saying so.
struct DECPFacts: Sendable {
  /// One SIRENE row: the unit's name and flags, the establishment's commune.
  struct Sirene: Sendable, Equatable {
    var name: String?
    var ess: Bool?
    var sme: Bool?
    /// From `codeCommuneEtablissement` (a department code 67); nil when the row has none.
    var local: Bool?
    /// Whether the row names an establishment (a SIRET), so that its commune is the awardee's.
    var establishment: Bool
  }

  /// The flags a side file can give, by catalog field name.
  static let sideColumns = [
    "awardeeIsESS", "awardeeIsSME", "awardeeIsLocal", "fairTradeClause", "socialClause", "environmentalClause",
  ]

  var bySiret: [String: Sirene] = [:]
  var bySiren: [String: Sirene] = [:]
  /// uid → field name → flag.
  var side: [String: [String: Bool]] = [:]

  init() {}

  /// The SIRENE facts of an awardee SIRET: its establishment's row, else its unit's (no commune then).
  func sirene(siret: String) -> Sirene? {
    if let s = bySiret[siret] { return s }
    guard siret.utf8.count == 14, var unit = bySiren[String(siret.prefix(9))] else { return nil }
    if unit.establishment { unit.local = nil }
    return unit
  }

  /// Reads a SIRENE extract: `siret` and/or `siren`, and any of `denominationUniteLegale`,
  /// `economieSocialeSolidaireUniteLegale` (O/N), `categorieEntreprise` (PME/ETI/GE), `codeCommuneEtablissement`.
  mutating func readSirene(_ bytes: [UInt8], name: String) throws(ServiceError) {
    let csv = try DECPCSV.parse(bytes, name: name)
    let siret = csv.column("siret")
    let siren = csv.column("siren")
    guard siret != nil || siren != nil else {
      throw ServiceError(
        .badInput,
        "\(name) has no column 'siret' or 'siren' (its header: \(csv.header.prefix(8).joined(separator: ", "))); expected a SIRENE extract.",
        at: .init(file: name))
    }
    let denomination = csv.column("denominationUniteLegale")
    let ess = csv.column("economieSocialeSolidaireUniteLegale")
    let category = csv.column("categorieEntreprise")
    let commune = csv.column("codeCommuneEtablissement")
    for row in csv.rows {
      func cell(_ i: Int?) -> String? { i.flatMap { row.cells[$0].isEmpty ? nil : row.cells[$0] } }
      func bad(_ column: String, _ value: String, _ expected: String) -> ServiceError {
        ServiceError(
          .badInput, "\(name), line \(row.line), column '\(column)': \(DECPFields.quoted(value)); expected \(expected).",
          at: .init(file: name))
      }
      var facts = Sirene(name: cell(denomination), establishment: cell(siret) != nil)
      switch cell(ess) {
      case nil: break
      case "O": facts.ess = true
      case "N": facts.ess = false
      case let v?: throw bad("economieSocialeSolidaireUniteLegale", v, "O or N")
      }
      switch cell(category) {
      case nil: break
      case "PME": facts.sme = true
      case "ETI", "GE": facts.sme = false
      case let v?: throw bad("categorieEntreprise", v, "PME, ETI or GE")
      }
      if let c = cell(commune) { facts.local = c.hasPrefix("67") }
      if let s = cell(siret) { bySiret[s] = facts }
      if let s = cell(siren) ?? cell(siret).map({ String($0.prefix(9)) }), bySiren[s] == nil { bySiren[s] = facts }
    }
  }

  /// Reads a side file: a column `uid`, and any of ``sideColumns`` holding oui/non/true/false (empty: not given).
  mutating func readSide(_ bytes: [UInt8], name: String) throws(ServiceError) {
    let csv = try DECPCSV.parse(bytes, name: name)
    guard let uid = csv.column("uid") else {
      throw ServiceError(
        .badInput,
        "\(name) has no column 'uid'; expected a CSV file with a column uid and any of \(Self.sideColumns.joined(separator: ", ")).",
        at: .init(file: name))
    }
    for (i, column) in csv.header.enumerated() where i != uid && !Self.sideColumns.contains(column) {
      throw ServiceError(
        .badInput,
        "\(name): column '\(column)' is not one of uid, \(Self.sideColumns.joined(separator: ", ")); expected only those columns (a flag's column holding oui, non, true or false).",
        at: .init(file: name))
    }
    for row in csv.rows {
      let key = row.cells[uid]
      guard !key.isEmpty else { throw ServiceError(.badInput, "\(name), line \(row.line): the uid is empty.", at: .init(file: name)) }
      guard side[key] == nil else {
        throw ServiceError(
          .badInput, "\(name), line \(row.line): uid \(key) is given twice; expected one line per uid.", at: .init(file: name))
      }
      var flags: [String: Bool] = [:]
      for (i, column) in csv.header.enumerated() where i != uid {
        switch row.cells[i].lowercased() {
        case "": continue
        case "oui", "true": flags[column] = true
        case "non", "false": flags[column] = false
        default:
          throw ServiceError(
            .badInput,
            "\(name), line \(row.line), column '\(column)': \(DECPFields.quoted(row.cells[i])); expected oui, non, true or false.",
            at: .init(file: name))
        }
      }
      side[key] = flags
    }
  }
}
