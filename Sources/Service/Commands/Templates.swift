import Domain
import Journal

/// `ess template TYPE --format csv-fr|xlsx|ods`: the empty table people fill to send
/// events of one type (insertion-hours reports, member lists), whose header
/// `ess import --from csv --type TYPE` reads back (FORMATS.md §3).
///
/// ```swift
/// let bytes = try Templates.make(type: "procurement.insertion-hours-reported", format: .csvFR, output: nil)
/// // BOM, then "date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\r\n"
/// ```
public enum Templates {
  /// The forms of a template.
  public enum Format: String, Sendable, Equatable, CaseIterable {
    /// CSV for a spreadsheet in French: UTF-8 with BOM, `;`, CRLF, French labels.
    case csvFR = "csv-fr"
    /// Spreadsheets (FORMATS.md §3): typed columns, identifiers as text; written to a file.
    case xlsx, ods

    /// Whether the template is a binary file (written with `-o` only).
    public var isBinary: Bool { self != .csvFR }
  }

  /// One column of a template.
  public struct Column: Sendable, Equatable {
    /// The field's name (`occurredOn` for the date of the row).
    public var name: String
    /// Its French label, the header people see.
    public var label: String
    /// What the cells hold (a spreadsheet template types its cells by it: identifiers as text, numbers as numbers, dates as dates).
    public var kind: FieldKind
    public var required: Bool
  }

  /// The columns of a template of `type`: the date of the row, then every field in the catalog's order.
  ///
  /// ```swift
  /// try Templates.columns(type: "books.donation-counted").map(\.label)  // ["date", "livres", "lieu de collecte"]
  /// ```
  /// - Throws: ``ServiceError`` for a type not in the catalog, or one people do not report (corrections, retractions, publications).
  public static func columns(type name: String) throws(ServiceError) -> [Column] {
    let kind: EventKind
    do { kind = try EventCatalog.kind(named: name) } catch { throw ServiceError(error, at: .init(field: "TYPE")) }
    guard ![.eventCorrected, .eventRetracted, .bilanPublished].contains(kind) else {
      throw ServiceError(
        .badInput,
        "Type '\(name)' has no template: corrections, retractions and publications are recorded by ess correct, ess retract and ess bilan --receipt; expected a type that people report, e.g. procurement.insertion-hours-reported.",
        at: .init(field: "TYPE"))
    }
    let type = kind.eventType
    return [Column(name: "occurredOn", label: "date", kind: .date, required: true)]
      + type.fields.map { Column(name: $0.name, label: $0.labelFR, kind: $0.kind, required: $0.required) }
  }

  /// The `csv-fr` template of `type`: a UTF-8 BOM, then the header line in French labels, `;`-separated, ending with CRLF.
  /// - Throws: ``ServiceError`` for a type not in the catalog.
  public static func csvFR(type name: String) throws(ServiceError) -> [UInt8] {
    let dialect = CSVDialect.spreadsheetFR
    return Array((dialect.start + dialect.header(try columns(type: name).map(\.label)) + CSVDialect.lineEnd).utf8)
  }

  /// The template of `type` in `format`, written to `output` when given (replaced whole), and returned.
  /// - Throws: ``ServiceError`` for a type not in the catalog or a file that cannot be written.
  @discardableResult
  public static func make(type name: String, format: Format, output: String?) throws(ServiceError) -> [UInt8] {
    let bytes: [UInt8]
    switch format {
    case .csvFR: bytes = try csvFR(type: name)
    case .xlsx, .ods:
      guard let output else {
        throw ServiceError(.badInput, "An \(format.rawValue.uppercased()) template is a binary file: give -o FILE.")
      }
      try SpreadsheetTemplate.write(type: name, format: format == .xlsx ? .xlsx : .ods, to: output)
      return []
    }
    if let output {
      do { try DurableFile.replace(output, with: bytes) } catch { throw ServiceError(error, at: .init(file: output)) }
    }
    return bytes
  }
}
