/// The two spreadsheet files ess writes and reads: Office Open XML (`.xlsx`,
/// ECMA-376) and OpenDocument (`.ods`, ODF 1.3). Both are ZIP packages of XML parts.
///
/// ```swift
/// try SpreadsheetFormat.ods.write(workbook, to: "bilan-2022.ods")
/// let table = try SpreadsheetFormat.xlsx.read("heures-2023.xlsx")
/// ```
public enum SpreadsheetFormat: String, Sendable, CaseIterable {
  case xlsx, ods

  /// How the format is named in messages.
  var name: String { rawValue.uppercased() }
}
