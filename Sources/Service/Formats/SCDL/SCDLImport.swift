import Domain
import Journal

/// `ess import --from scdl-subventions FILE.csv`: each row of an SCDL
/// "subventions" table becomes a `subsidy.granted` event (FORMATS.md §5),
/// imported as one all-or-nothing commit under every rule.
///
/// The event's id is a name-based UUID of what identifies the agreement
/// (grantor, date, decision, beneficiary, purpose): importing the same file
/// again appends nothing, and a row republished with another amount is
/// refused as a conflicting id.
///
/// ```swift
/// let converted = SCDLImport.convert(table, author: "c.muller", source: "subventions-2022.csv")
/// ```
public enum SCDLImport {
  /// The namespace of the ids of imported subsidies: the v5 UUID of `scdl-subventions.ess.strasbourg.eu` in the DNS namespace.
  static let namespace: [UInt8] = {
    let text = NameBasedUUID.v5(namespace: NameBasedUUID.dns, name: "scdl-subventions.ess.strasbourg.eu")
    let hex = Array(text.utf8.filter { $0 != UInt8(ascii: "-") })
    return stride(from: 0, to: 32, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
  }()

  /// The columns SCDL requires (the others may be absent or empty).
  static let required: Set<String> = [
    "nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
    "datesPeriodeVersement", "notificationUE", "pourcentageSubvention",
  ]

  /// The events of `table`'s rows, and every problem by row and column.
  public static func convert(_ table: SheetTable, author: String, source: String?) -> Importer.Converted {
    var out = Importer.Converted()
    out.count = table.rows.count
    out.sameFactAnyAuthor = true
    var column: [String: Int] = [:]
    for (i, name) in table.header.enumerated() { column[SCDLSubsidy.trimmingSpaces(name)] = i }
    let missing = SCDLSubsidy.columns.filter { required.contains($0) && column[$0] == nil }
    if !missing.isEmpty {
      out.problems.append(
        ServiceError(
          .badInput,
          "The header lacks the SCDL column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", ")); an SCDL subventions table has the columns \(SCDLSubsidy.columns.joined(separator: ", ")).",
          at: .init(line: 1, place: "Row 1")))
      return out
    }
    let unknown = table.header.filter { !SCDLSubsidy.columns.contains(SCDLSubsidy.trimmingSpaces($0)) && !$0.isEmpty }
    if let first = unknown.first {
      out.problems.append(
        ServiceError(
          .badInput,
          "The header's column '\(first)' is not an SCDL subventions column; the columns are \(SCDLSubsidy.columns.joined(separator: ", ")).",
          at: .init(line: 1, place: "Row 1, column '\(first)'")))
      return out
    }
    for row in table.rows {
      var reading = RowReading(row: row, column: column)
      if let event = reading.event(author: author, source: source) {
        out.append(event, number: row.number, place: "Row \(row.number)")
      }
      out.problems += reading.problems
    }
    return out
  }

  /// One row read into an event, its problems gathered.
  struct RowReading {
    let row: SheetTable.Row
    let column: [String: Int]
    var problems: [ServiceError] = []

    func text(_ name: String) -> String? {
      guard let i = column[name], i < row.cells.count else { return nil }
      switch row.cells[i] {
      case .empty: return nil
      case .text(let s):
        let t = SCDLSubsidy.trimmingSpaces(s)
        return t.isEmpty ? nil : t
      case .number(let n): return n
      case .date(let d): return d
      case .bool(let b): return b ? "oui" : "non"
      }
    }

    mutating func problem(_ name: String, _ message: String) {
      problems.append(
        ServiceError(.badInput, message, at: .init(line: row.number, field: name, place: "Row \(row.number), column '\(name)'")))
    }

    /// The value of a required column, or a problem.
    mutating func required(_ name: String) -> String? {
      guard let v = text(name) else {
        problem(name, "The column '\(name)' is required by the SCDL schema and is empty.")
        return nil
      }
      return v
    }

    /// A value typed by the catalog's rules for `kind` (numbers with `.` or `,`, `oui`/`non`).
    mutating func typed(_ name: String, _ kind: FieldKind, _ text: String) -> JSONValue? {
      do throws(DomainError) {
        return try kind.parse(text)
      } catch {
        problem(name, "The column '\(name)' must be \(error.rule ?? kind.label); got \(error.given ?? Given.raw(text)).")
        return nil
      }
    }

    mutating func event(author: String, source: String?) -> NewEvent? {
      let before = problems.count
      var data: [String: JSONValue] = [:]
      // The grantor, by the SIREN of its SIRET.
      let grantorSiret = required("idAttribuant")
      if let siret = grantorSiret {
        if let bad = CompanyID.problem(siret, as: .siret) {
          problem("idAttribuant", "The column 'idAttribuant' must be the grantor's SIRET; \(Given.raw(siret)) breaks \(bad.rule(.siret)).")
        } else {
          let normal = CompanyID.normalize(siret, as: .siret)
          if let g = SCDLSubsidy.grantors.first(where: { normal.hasPrefix($0.siren) }) {
            data["grantor"] = .string(g.buyer.rawValue)
            data["grantorSiret"] = .string(normal)
          } else {
            problem(
              "idAttribuant",
              "The grantor's SIREN \(normal.prefix(9)) is neither the Ville de Strasbourg's (216704825) nor the Eurométropole's (246700488); ess records only their subsidies."
            )
          }
        }
      }
      _ = required("nomAttribuant")
      let date = required("dateConvention")
      if let date, CivilDate(iso: date) == nil {
        problem("dateConvention", "The column 'dateConvention' must be a real date written AAAA-MM-JJ; got \(Given.raw(date)).")
      }
      if let v = text("referenceDecision") { data["decision"] = .string(v) }
      if let v = required("nomBeneficiaire") { data["beneficiary"] = .string(v) }
      var ids: [JSONValue] = []
      if let v = text("idBeneficiaire") {
        if let bad = CompanyID.problem(v, as: .siret) {
          problem(
            "idBeneficiaire", "The column 'idBeneficiaire' must be the beneficiary's SIRET; \(Given.raw(v)) breaks \(bad.rule(.siret)).")
        } else {
          ids.append(["scheme": "SIRET", "id": .string(CompanyID.normalize(v, as: .siret))])
        }
      }
      if let v = text("rnaBeneficiaire") {
        if let bad = CompanyID.problem(v, as: .rna) {
          problem("rnaBeneficiaire", "The column 'rnaBeneficiaire' must be an RNA number; \(Given.raw(v)) breaks \(bad.rule(.rna)).")
        } else {
          ids.append(["scheme": "RNA", "id": .string(CompanyID.normalize(v, as: .rna))])
        }
      }
      if ids.isEmpty && text("idBeneficiaire") == nil && text("rnaBeneficiaire") == nil {
        problem(
          "idBeneficiaire",
          "The SCDL schema requires the beneficiary's SIRET (idBeneficiaire) or RNA number (rnaBeneficiaire); both are empty.")
      }
      data["beneficiaryIds"] = .array(ids)
      if let v = required("objet") { data["purpose"] = .string(v) }
      if let v = required("montant"), let amount = typed("montant", .positiveEuros, v) { data["amountEUR"] = amount }
      if let v = required("nature") {
        if let kind = SCDLSubsidy.kind(ofNature: v) {
          data["kind"] = .string(kind.rawValue)
        } else {
          problem(
            "nature",
            "The column 'nature' must be 'aide en numéraire', 'aide en nature', or both joined by ';'; got \(Given.raw(v)).")
        }
      }
      if let v = required("conditionsVersement") {
        if let terms = SCDLSubsidy.terms(ofConditions: v) {
          data["paymentTerms"] = .string(terms.rawValue)
        } else {
          problem("conditionsVersement", "The column 'conditionsVersement' must be 'unique', 'échelonné' or 'autre'; got \(Given.raw(v)).")
        }
      }
      if let v = required("datesPeriodeVersement") { data["paymentPeriod"] = .string(v) }
      if let v = text("idRAE") { data["raeId"] = .string(v) }
      if let v = required("notificationUE"), let b = typed("notificationUE", .boolean, v) { data["euNotified"] = b }
      if let v = required("pourcentageSubvention"), let share = typed("pourcentageSubvention", .number, v) { data["shareOfCost"] = share }
      if let v = text("dispositifAide") { data["aidScheme"] = .string(v) }
      guard problems.count == before, let date else { return nil }
      let key = [
        grantorSiret ?? "", date, text("referenceDecision") ?? "", text("idBeneficiaire") ?? "", text("rnaBeneficiaire") ?? "",
        text("objet") ?? "",
      ].joined(separator: "\u{1F}")
      return NewEvent(
        id: NameBasedUUID.v5(namespace: SCDLImport.namespace, name: key), type: EventKind.subsidyGranted.rawValue, occurredOn: date,
        author: author, source: source, data: .object(data))
    }
  }
}
