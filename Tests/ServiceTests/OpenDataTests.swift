import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

/// The open-data bilan (FORMATS.md §2): one long table over years, and its Frictionless data package.
@Suite("Open-data bilan and data package", .serialized)
struct OpenDataTests {
  static let journal: String = {
    let path = FileManager.default.temporaryDirectory.path + "/ess-opendata-" + UUID().uuidString.prefix(8)
    _ = try! Demo.materialise(at: path)
    return path
  }()

  /// The fixed keys of BILAN.md, as the code's catalog of indicators has them (an empty history's bilan).
  static let catalogKeys = BilanState().bilan(year: 2000, asKnownOn: nil, journalSeq: 0, journalHash: .zero).indicators.map(\.key)

  @Test func everyKeyOfEveryYearIsARowOfItsOwn() throws {
    let years = 2010...2023
    let table = try Reports.longBilan(journal: Self.journal, years: years)
    #expect(!Self.catalogKeys.isEmpty)
    let reader = try BilanReader(journal: Self.journal)
    for year in years {
      let rows = table.rows.filter { $0.year == year }
      let keys = rows.map(\.key)
      for key in Self.catalogKeys { #expect(keys.filter { $0 == key }.count == 1, "\(year): \(key)") }
      // The rest are the figures partners reported that year, and each value is the year's bilan's.
      let bilan = try reader.bilan(year: year)
      #expect(keys == bilan.indicators.map(\.key), "\(year)")
      for r in rows {
        #expect(r.value == bilan.value(r.key), "\(year) \(r.key)")
        #expect(r.journalSeq == bilan.journalSeq && r.journalHash == bilan.journalHash)
        #expect(!r.scope.isEmpty && !r.unit.isEmpty && !r.label.isEmpty)
      }
    }
    #expect(table.rows.contains { $0.key.hasPrefix("reported.") }, "the demo reports no partner figure")
    // connu_au: the date of the last event read (Europe/Paris), or the cut.
    let last = try #require(try reader.state().last)
    #expect(table.knownOn == ParisTime.date(at: last.recordedAt).description)
    let cut = try Reports.longBilan(journal: Self.journal, years: 2021...2021, asKnownOn: "2022-01-31")
    #expect(cut.rows.allSatisfy { $0.knownOn == "2022-01-31" })
    #expect(cut.rows.map(\.value) == (try reader.bilan(year: 2021, asKnownOn: "2022-01-31")).indicators.map(\.value))
  }

  @Test func theLongTableInBothDialects() throws {
    let table = try Reports.longBilan(journal: Self.journal, years: 2022...2022)
    let open = table.csv(dialect: .openData)
    let lines = open.split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(lines.first == "annee,indicateur,libelle,valeur,unite,perimetre,connu_au,journal_seq,journal_hash")
    #expect(lines.count == table.rows.count + 1)
    let donated = try #require(table.rows.first { $0.key == "books.donated_eur" })
    guard case .number(let dot) = donated.value.csvCell else {
      Issue.record("books.donated_eur has no value")
      return
    }
    #expect(dot.contains("."))
    #expect(open.contains(",books.donated_eur,") && open.contains(",\(dot),eur,"))
    let fr = table.csv(dialect: .spreadsheetFR)
    #expect(fr.hasPrefix("\u{FEFF}annee;indicateur;"))
    #expect(fr.contains(";" + dot.replacing(".", with: ",") + ";eur;"))
  }

  /// The Frictionless Data toolkit itself (PyPI `frictionless`, installed by `Tools/ess-dev setup test`) accepts the
  /// data package of the demo's 2010–2023 bilans, in both dialects, and with a cut given as an instant (`connu_au`
  /// is then a datetime).
  @Test(
    arguments: [(Reports.BilanFormat.csv, nil), (.csvFR, nil), (.csv, "2023-03-31T12:00:00+02:00")] as [(Reports.BilanFormat, String?)])
  func frictionlessValidatesTheDataPackage(_ format: Reports.BilanFormat, _ cut: String?) throws {
    let frictionless = try #require(
      Self.onPath("frictionless"), "the frictionless CLI is needed (pip install frictionless, or Tools/ess-dev setup test)")
    let folder = FileManager.default.temporaryDirectory.path + "/ess-datapackage-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = try Reports.dataPackage(
      journal: Self.journal, years: 2010...2023, asKnownOn: cut, format: format, to: folder + "/opendata")
    #expect(written.csv == folder + "/opendata/bilan-2010-2023.csv")
    #expect(written.rows == (try Reports.longBilan(journal: Self.journal, years: 2010...2023, asKnownOn: cut)).rows.count)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: written.csv))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (format == .csvFR))
    #expect(bytes.suffix(2) == Data([13, 10]))
    let result = try Tools.run(frictionless, ["validate", written.package])
    #expect(result.status == 0, "frictionless validate:\n\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("VALID") || result.stdout.contains("valid"), "\(result.stdout)")
    // The schema types and decimal mark frictionless read back.
    let package = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: written.package))))
    let fields = package["resources"]?.arrayValue?.first?["schema"]?["fields"]?.arrayValue ?? []
    #expect(fields.compactMap { $0["name"]?.stringValue } == LongBilan.columns)
    #expect(fields.first { $0["name"]?.stringValue == "valeur" }?["decimalChar"]?.stringValue == (format == .csvFR ? "," : "."))
    #expect(fields.first { $0["name"]?.stringValue == "connu_au" }?["type"]?.stringValue == (cut == nil ? "date" : "datetime"))
  }

  @Test func aFolderThatIsAFileIsRefused() throws {
    let file = FileManager.default.temporaryDirectory.path + "/ess-not-a-folder-" + UUID().uuidString.prefix(8)
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let e = #expect(throws: ServiceError.self) {
      try Reports.dataPackage(journal: Self.journal, years: 2022...2022, format: .csv, to: file)
    }
    #expect(e?.code == .badInput && e?.message.contains("is a file; expected a folder") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("x".utf8))
    let json = #expect(throws: ServiceError.self) { try Reports.longBilan(journal: Self.journal, years: 2022...2022, format: .json) }
    #expect(json?.code == .badInput)
  }

  /// An executable on $PATH (pip puts its scripts in places Tools.which does not look).
  static func onPath(_ name: String) -> String? {
    Tools.which(name)
      ?? ProcessInfo.processInfo.environment["PATH"].flatMap { path in
        path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
      }
  }
}
