import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

/// FORMATS.md §5: SCDL "subventions" rows into `subsidy.granted` events and back, corrections applied.
@Suite("SCDL subsidies")
struct SCDLTests {
  static let header = SCDLSubsidy.columns

  /// A row of the table, by column name (absent columns empty).
  static func row(_ number: Int, _ values: [String: String]) -> SheetTable.Row {
    SheetTable.Row(number: number, cells: header.map { values[$0].map(SheetTable.Cell.text) ?? .empty })
  }

  static let emmaus: [String: String] = [
    "nomAttribuant": "Ville de Strasbourg", "idAttribuant": "21670482500019", "dateConvention": "2022-05-30",
    "referenceDecision": "CM-2022-05-14", "nomBeneficiaire": "Emmaüs Mundo", "rnaBeneficiaire": "W671234567",
    "objet": "Fonctionnement 2022", "montant": "15000.50", "nature": "aide en numéraire", "conditionsVersement": "échelonné",
    "datesPeriodeVersement": "2022-06-30/2022-12-31", "notificationUE": "non", "pourcentageSubvention": "0.25",
  ]
  static let jardins: [String: String] = [
    "nomAttribuant": "Eurométropole de Strasbourg", "idAttribuant": "24670048800017", "dateConvention": "2023-02-01",
    "nomBeneficiaire": "Jardins de la Montagne Verte", "idBeneficiaire": "21670482500019", "objet": "Chantier d'insertion",
    "montant": "42000", "nature": "aide en nature;aide en numéraire", "conditionsVersement": "unique",
    "datesPeriodeVersement": "2023-03-01", "notificationUE": "oui", "pourcentageSubvention": "1", "idRAE": "RAE-123",
    "dispositifAide": "Soutien à l'ESS",
  ]

  @Test func rowsBecomeEventsAndTheBilanCountsThem() throws {
    let f = try LedgerFixture()
    let table = SheetTable(header: Self.header, rows: [Self.row(2, Self.emmaus), Self.row(3, Self.jardins)])
    let converted = SCDLImport.convert(table, author: "c.muller", source: "subventions.csv")
    #expect(converted.problems.isEmpty)
    let report = try Importer.run(converted, into: f.ledger(), dryRun: false)
    #expect(report.imported == 2)
    let records = try f.records()
    let first = try #require(try records[0].data().objectValue)
    #expect(first["grantor"] == "ville" && first["kind"] == "numeraire" && first["paymentTerms"] == "echelonne")
    #expect(first["beneficiaryIds"] == [["scheme": "RNA", "id": "W671234567"]])
    #expect(first["amountEUR"] == .number(JSONNumber(literal: "15000.50")!))
    let second = try #require(try records[1].data().objectValue)
    #expect(second["grantor"] == "eurometropole" && second["kind"] == "numeraire-et-nature" && second["euNotified"] == true)
    let b2022 = try BilanReader(journal: f.path).bilan(year: 2022)
    #expect(b2022.value("subsidy.grants") == .integer(1) && b2022.value("subsidy.amount_eur") == .cents(1_500_050))
    // The same file again: nothing new.
    let again = try Importer.run(SCDLImport.convert(table, author: "l.weber", source: nil), into: f.ledger(), dryRun: false)
    #expect(again.imported == 0 && again.alreadyPresent == 2)
  }

  @Test func theExportIsTheTableOfWhatCountsNow() throws {
    let f = try LedgerFixture()
    let table = SheetTable(header: Self.header, rows: [Self.row(2, Self.emmaus), Self.row(3, Self.jardins)])
    _ = try Importer.run(SCDLImport.convert(table, author: "c.muller", source: nil), into: f.ledger(), dryRun: false)
    let before = try SCDLExport.csv(journal: f.path)
    let lines = before.text.components(separatedBy: "\r\n")
    #expect(lines[0] == Self.header.joined(separator: ","))
    #expect(
      lines[1]
        == "Ville de Strasbourg,21670482500019,2022-05-30,CM-2022-05-14,Emmaüs Mundo,,W671234567,Fonctionnement 2022,15000.50,aide en numéraire,échelonné,2022-06-30/2022-12-31,,non,0.25,"
    )
    #expect(before.rows == 2 && before.incomplete.isEmpty && lines.last == "")
    // Read back, the export gives the same events (same ids: nothing new).
    let read = try CSVReader.read(Array(before.text.utf8))
    #expect(read.problems.isEmpty && read.table.header == Self.header && read.table.rows.count == 2)
    let back = try Importer.run(SCDLImport.convert(read.table, author: "x", source: nil), into: f.ledger(), dryRun: false)
    #expect(back.imported == 0 && back.alreadyPresent == 2)
    // A correction and a retraction show in the next export.
    let ledger = try f.ledger()
    let current = try ledger.effective(seq: 1)
    _ = try ledger.correct(
      current, changes: ["amountEUR": .number(JSONNumber(literal: "16000")!)], occurredOn: nil, author: "c.muller",
      reason: "avenant", source: nil, today: "2024-01-15")
    _ = try ledger.retract(seq: 2, author: "c.muller", reason: "doublon", source: nil, today: "2024-01-15")
    let after = try SCDLExport.csv(journal: f.path)
    #expect(after.rows == 1)
    #expect(after.text.contains(",16000.00,") && !after.text.contains("Jardins"))
  }

  @Test(arguments: [
    ("montant", "quinze mille", "Row 2, column 'montant': The column 'montant' must be an amount in euros greater than 0"),
    ("nature", "subvention", "must be 'aide en numéraire', 'aide en nature', or both joined by ';'"),
    ("conditionsVersement", "mensuel", "must be 'unique', 'échelonné' or 'autre'"),
    ("idAttribuant", "21967482500001", "neither the Ville de Strasbourg's"),
    ("idAttribuant", "2.16704825E+13", "spreadsheet"),
    ("dateConvention", "30/05/2022", "AAAA-MM-JJ"),
    ("rnaBeneficiaire", "W6712", "length rule"),
    ("notificationUE", "", "required by the SCDL schema and is empty"),
  ])
  func badCellsAreNamedByRowAndColumn(_ column: String, _ value: String, _ phrase: String) throws {
    var values = Self.emmaus
    values[column] = value.isEmpty ? nil : value
    let converted = SCDLImport.convert(SheetTable(header: Self.header, rows: [Self.row(2, values)]), author: "x", source: nil)
    #expect(converted.events.isEmpty)
    #expect(converted.problems.count == 1)
    #expect(converted.problems.first?.description.contains(phrase) == true, "\(converted.problems.first?.description ?? "accepted")")
    #expect(converted.problems.first?.description.hasPrefix("Row 2, column '\(column)': ") == true)
  }

  @Test func aBeneficiaryNeedsASIRETOrAnRNANumber() {
    var values = Self.emmaus
    values["rnaBeneficiaire"] = nil
    let converted = SCDLImport.convert(SheetTable(header: Self.header, rows: [Self.row(2, values)]), author: "x", source: nil)
    #expect(converted.problems.first?.description.contains("requires the beneficiary's SIRET (idBeneficiaire) or RNA number") == true)
  }

  @Test func aHeaderWithoutTheRequiredColumnsIsRefused() {
    let converted = SCDLImport.convert(SheetTable(header: ["objet", "montant"], rows: []), author: "x", source: nil)
    #expect(converted.problems.first?.description.contains("lacks the SCDL columns 'nomAttribuant'") == true)
  }

  @Test func natureAcceptsBothAidsInEitherOrderOnly() {
    #expect(SCDLSubsidy.kind(ofNature: "aide en numéraire;aide en nature") == .numeraireEtNature)
    #expect(SCDLSubsidy.kind(ofNature: "aide en nature; aide en numéraire") == .numeraireEtNature)
    #expect(SCDLSubsidy.kind(ofNature: "aide en nature;aide en nature") == nil)
    #expect(SCDLSubsidy.kind(ofNature: "Aide en nature") == nil)
    for kind in SubsidyKind.allCases { #expect(SCDLSubsidy.kind(ofNature: SCDLSubsidy.nature(kind)) == kind) }
    for terms in PaymentTerms.allCases { #expect(SCDLSubsidy.terms(ofConditions: SCDLSubsidy.conditions(terms)) == terms) }
  }
}
