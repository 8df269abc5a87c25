import Foundation
import TestSupport
import Testing

@testable import Service

/// What ess writes, opened by LibreOffice (`soffice --headless`, Debian's libreoffice-calc-nogui, which
/// `Tools/ess-dev test` installs): converted to CSV it gives back the same cells; saved by LibreOffice in the
/// other format, ess reads it back as it wrote it. Without soffice these tests fail: they are never skipped.
@Suite("Spreadsheets in LibreOffice", .serialized)
struct SpreadsheetLibreOfficeTests {
  /// A folder for the files, and LibreOffice's own profile there (runs never share one).
  final class Work {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ess-soffice-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
      let path = root + "/" + name
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return path
    }

    /// `soffice --convert-to filter` of `files`, into `root/out`; the converted files' paths.
    func convert(_ files: [String], to filter: String, extension ext: String) throws -> [String] {
      let soffice = try #require(
        Tools.which("soffice"), "LibreOffice is needed: apt-get install libreoffice-calc-nogui (Tools/ess-dev setup test)")
      let r = try Tools.run(
        soffice, ["-env:UserInstallation=file://\(root)/profile", "--headless", "--convert-to", filter, "--outdir", root + "/out"] + files)
      try #require(r.status == 0, "soffice: \(r.stderr)")
      return try files.map { file in
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let out = root + "/out/" + name + "." + ext
        try #require(FileManager.default.fileExists(atPath: out), "soffice wrote no \(out): \(r.stdout) \(r.stderr)")
        return out
      }
    }

    /// CSV as LibreOffice writes cells as shown: comma, double quote, UTF-8 (76), from line 1.
    func csv(_ files: [String]) throws -> [[[String]]] {
      try convert(files, to: "csv:Text - txt - csv (StarCalc):44,34,76,1", extension: "csv").map {
        try CSVText.rows(String(contentsOfFile: $0, encoding: .utf8))
      }
    }
  }

  @Test func aBilanConvertsToTheCellsOfItsCSV() throws {
    let f = try LedgerFixture()
    try f.ledger().append(Base.events(f))
    let bilan = try BilanReader(journal: f.path).bilan(year: 2022)
    let work = try Work()
    let xlsx = try work.write(SpreadsheetFormat.xlsx.bytes(Workbook(bilan: bilan, language: .fr)), "bilan-x.xlsx")
    let ods = try work.write(SpreadsheetFormat.ods.bytes(Workbook(bilan: bilan, language: .fr)), "bilan-o.ods")
    let expected = try CSVText.rows(bilan.csv(language: .fr))
    #expect(expected.count == bilan.indicators.count + 1)
    for (file, rows) in zip([xlsx, ods], try work.csv([xlsx, ods])) {
      #expect(rows.count == expected.count, "\(file)")
      for (got, want) in zip(rows, expected) { #expect(CSVText.sameCells(got, want), "\(file): \(got) ≠ \(want)") }
    }
  }

  /// A template filled with rows: identifiers with a leading zero, a formula-like text, euros, dates, booleans.
  static let filledColumns = ["occurredOn", "contractId", "title", "buyer", "awardee", "amountEUR", "socialClause", "buyerSiret"]
  static let filledRows: [[String: SheetTable.Cell]] = [
    [
      "occurredOn": .date("2022-03-01"), "contractId": .text("ems-2022-0147"), "title": .text("=1+1"), "buyer": .text("ville"),
      "awardee": .text("Jardins de la Montagne Verte"), "amountEUR": .number("125000.5"), "socialClause": .bool(true),
      "buyerSiret": .text("05123456700012"),
    ],
    [
      "occurredOn": .date("2023-12-31"), "contractId": .text("0147"), "title": .text("-5 espaces verts"), "buyer": .text("eurometropole"),
      "awardee": .text("@Régie"), "amountEUR": .number("40000"), "socialClause": .bool(false),
    ],
  ]

  static func filledTemplate() throws -> (Workbook, SheetTable) {
    let template = try SpreadsheetTemplate.columns(type: "procurement.contract-awarded")
    let columns = template.map(\.name)
    let rows = filledRows.map { values in columns.map { values[$0] ?? .empty } }
    let table = SheetTable(
      header: template.map(\.label), rows: rows.enumerated().map { SheetTable.Row(number: $0.offset + 2, cells: $0.element) })
    return (try SpreadsheetTemplate.workbook(type: "procurement.contract-awarded", rows: rows), table)
  }

  @Test func aFilledTemplateKeepsIdentifiersTextAndDatesDates() throws {
    let (workbook, _) = try Self.filledTemplate()
    let work = try Work()
    let files = [
      try work.write(SpreadsheetFormat.xlsx.bytes(workbook), "template-x.xlsx"),
      try work.write(SpreadsheetFormat.ods.bytes(workbook), "template-o.ods"),
    ]
    for (file, rows) in zip(files, try work.csv(files)) {
      let header = try #require(rows.first)
      // The header shows the fields' French labels (the import reads labels or names).
      let columns = try SpreadsheetTemplate.columns(type: "procurement.contract-awarded")
      let labels = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.label) })
      #expect(Set(Self.filledColumns.compactMap { labels[$0] }).isSubset(of: header), "\(file): \(header)")
      func cell(_ row: Int, _ name: String) -> String? {
        guard let c = header.firstIndex(of: labels[name] ?? name), row < rows.count, c < rows[row].count else { return nil }
        return rows[row][c]
      }
      #expect(cell(1, "buyerSiret") == "05123456700012", "\(file)")
      #expect(cell(1, "title") == "=1+1", "\(file)")
      #expect(cell(1, "occurredOn") == "2022-03-01", "\(file)")
      #expect(cell(1, "amountEUR") == "125000.50", "\(file)")
      #expect(cell(1, "socialClause") == "TRUE", "\(file)")
      #expect(cell(2, "contractId") == "0147", "\(file)")
      #expect(cell(2, "title") == "-5 espaces verts", "\(file)")
      #expect(cell(2, "awardee") == "@Régie", "\(file)")
      #expect(cell(2, "occurredOn") == "2023-12-31", "\(file)")
      #expect(cell(2, "amountEUR") == "40000.00", "\(file)")
      #expect(cell(2, "socialClause") == "FALSE", "\(file)")
    }
  }

  @Test func filesSavedByLibreOfficeReadBackAsWritten() throws {
    let (workbook, table) = try Self.filledTemplate()
    let work = try Work()
    let xlsx = try work.write(SpreadsheetFormat.xlsx.bytes(workbook), "mine-x.xlsx")
    let ods = try work.write(SpreadsheetFormat.ods.bytes(workbook), "mine-o.ods")
    let sample = try work.write(SpreadsheetFormat.xlsx.bytes(SpreadsheetSample.workbook), "sample-x.xlsx")
    // LibreOffice saves ess's XLSX as ODS and ess's ODS as XLSX.
    let asODS = try work.convert([xlsx, sample], to: "ods", extension: "ods")
    let asXLSX = try work.convert([ods], to: "xlsx", extension: "xlsx")
    for (read, expected) in [
      (try SpreadsheetFormat.ods.read(asODS[0]), table), (try SpreadsheetFormat.xlsx.read(asXLSX[0]), table),
      (try SpreadsheetFormat.ods.read(asODS[1]), SpreadsheetSample.table),
    ] {
      #expect(read.header == expected.header)
      #expect(read.rows.map(\.number) == expected.rows.map(\.number))
      for (got, want) in zip(read.rows, expected.rows) { #expect(got.cells == want.cells, "row \(want.number)") }
    }
  }
}

/// RFC 4180 text read back into rows of fields, and cells compared as a spreadsheet shows them.
enum CSVText {
  static func rows(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.unicodeScalars.append(chars.removeFirst())
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\n" || c == "\r" {
        if c == "\r" && chars.first == "\n" { chars.removeFirst() }
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
  }

  /// Same text, or the same number to the 15 significant digits a spreadsheet shows (0.24074074074074073 is shown 0.240740740740741).
  static func sameCells(_ a: [String], _ b: [String]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy { x, y in
      guard x != y else { return true }
      guard let u = Double(x), let v = Double(y) else { return false }
      return abs(u - v) <= 1e-14 * max(1, abs(u), abs(v))
    }
  }
}
