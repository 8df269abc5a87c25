import Domain
import Journal

/// The empty sheet people fill to report events of one type (`ess template TYPE --format xlsx|ods`):
/// a header of the fields' French labels after the date (as the `csv-fr` template; the import reads
/// labels or names), and columns typed by the fields' kinds —
/// identifiers and names as text (a SIRET keeps its leading zero), dates with a date style, euros with two decimals.
///
/// ```swift
/// try SpreadsheetTemplate.write(type: "procurement.insertion-hours-reported", format: .xlsx, to: "heures.xlsx")
/// ```
public enum SpreadsheetTemplate {
  /// One column of the template.
  public struct Column: Sendable, Equatable {
    public var name: String
    /// The header people see (``Domain/FieldSpec/labelFR``).
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    /// How the column's cells are shown and read.
    public var style: Workbook.Style
  }

  /// The columns: `occurredOn` (the date the event took place), then every field of `type`, in the catalog's order.
  /// - Throws: ``ServiceError`` `.badInput`: an unknown type (with the close names), or one that is not reported by people.
  public static func columns(type: String) throws(ServiceError) -> [Column] {
    // The columns of every template (Templates), each with the style its kind is shown in.
    try Templates.columns(type: type).map {
      Column(name: $0.name, label: $0.label, kind: $0.kind, required: $0.required, style: style($0.kind))
    }
  }

  /// The template as a workbook, with `rows` already filled (none for the empty template).
  public static func workbook(type: String, rows: [[SheetTable.Cell]] = []) throws(ServiceError) -> Workbook {
    let columns = try columns(type: type)
    return Workbook(sheets: [Workbook.Sheet(name: type, header: columns.map(\.label), styles: columns.map(\.style), rows: rows)])
  }

  /// Writes the empty template of `type` to `path`.
  /// - Throws: ``ServiceError``: see ``columns(type:)``; the file cannot be written.
  public static func write(type: String, format: SpreadsheetFormat, to path: String) throws(ServiceError) {
    try format.write(workbook(type: type), to: path)
  }

  /// The style a field's cells are shown in.
  static func style(_ kind: FieldKind) -> Workbook.Style {
    switch kind {
    case .count, .positiveCount, .number, .year, .seq, .boolean: .general
    case .euros, .positiveEuros: .decimal
    case .date, .validTime: .date
    case .text, .slug, .slugList, .textList, .choice, .object, .companyID, .companyIDList: .text
    }
  }
}
