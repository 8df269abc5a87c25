import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

/// `ess import --from xlsx|ods --type T`: a filled template gives the events its rows say, typed by the catalog.
@Suite("Spreadsheet imports")
struct SpreadsheetImportTests {
  /// The member-joined template with rows, by field name.
  static func workbook(_ rows: [[String: SheetTable.Cell]]) throws -> Workbook {
    let names = try SpreadsheetTemplate.columns(type: "pole.member-joined").map(\.name)
    return try SpreadsheetTemplate.workbook(type: "pole.member-joined", rows: rows.map { r in names.map { r[$0] ?? .empty } })
  }

  static let good: [[String: SheetTable.Cell]] = [
    [
      "occurredOn": .date("2021-11-09"), "memberId": .text("emmaus-mundo"), "name": .text("Emmaüs Mundo"),
      "legalForm": .text("association"), "rna": .text("W671234567"),
    ],
    [
      "occurredOn": .date("2022-01-15"), "memberId": .text("regie-des-ecrivains"), "name": .text("=Régie des écrivains"),
      "legalForm": .text("entreprise-sociale"), "siren": .text("216 704 825"), "city": .text("Strasbourg"),
    ],
  ]

  @Test(arguments: [SpreadsheetFormat.xlsx, .ods])
  func aFilledTemplateBecomesItsEvents(_ format: SpreadsheetFormat) throws {
    let f = try LedgerFixture()
    let file = f.root + "/membres." + format.rawValue
    try format.write(Self.workbook(Self.good), to: file)
    let report = try TableImport.importSpreadsheet(
      file: file, format: format, type: "pole.member-joined", options: .init(author: "c.muller"), journal: f.path, dryRun: false)
    #expect(report.imported == 2)
    let records = try f.records()
    #expect(records.map(\.occurredOn) == ["2021-11-09", "2022-01-15"])
    let second = try #require(try records[1].data().objectValue)
    #expect(second["siren"] == "216704825" && second["name"] == "=Régie des écrivains" && second["city"] == "Strasbourg")
    #expect(try records[0].data().objectValue?["rna"] == "W671234567")
  }

  @Test(arguments: [SpreadsheetFormat.xlsx, .ods])
  func badCellsAreListedByRowAndColumnAndNothingIsWritten(_ format: SpreadsheetFormat) throws {
    let f = try LedgerFixture()
    var rows = Self.good
    rows[0]["siren"] = .number("216704825")  // a SIREN the spreadsheet stored as a number
    rows[1]["legalForm"] = .text("scop")
    let file = f.root + "/membres." + format.rawValue
    try format.write(Self.workbook(rows), to: file)
    let before = try f.snapshot()
    let report = try TableImport.importSpreadsheet(
      file: file, format: format, type: "pole.member-joined", options: .init(author: "c.muller"), journal: f.path, dryRun: true)
    let messages = report.problems.map(\.description)
    #expect(messages.count == 2, "\(messages)")
    #expect(messages.first?.hasPrefix("Row 2, column 'SIREN': ") == true, "\(messages)")
    #expect(messages.last?.hasPrefix("Row 3, column 'forme juridique': ") == true, "\(messages)")
    #expect(throws: ServiceError.self) {
      try TableImport.importSpreadsheet(
        file: file, format: format, type: "pole.member-joined", options: .init(author: "c.muller"), journal: f.path, dryRun: false)
    }
    #expect(try f.snapshot() == before)
  }
}
