import Foundation
import TestSupport
import Testing

/// The CLI's output on the bundled demo journal (fixed ids and times, so the
/// same bytes everywhere) compared with files under `Golden/`. To accept a
/// deliberate change: `ESS_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then review the diff.
@Suite("CLI output (golden files)", .serialized)
struct GoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static let cases: [(name: String, arguments: [String])] = [
    ("types", ["types"]),
    ("types-pledge", ["types", "okote.pledge-made"]),
    ("types-pledge-fr", ["types", "okote.pledge-made", "--lang", "fr"]),
    ("log-table-milestones", ["log", "--format", "table", "--type", "milestone.reached"]),
    ("log-json-books", ["log", "--format", "json", "--type", "books.donation-counted"]),
    ("show-3", ["show", "3"]),
    ("bilan-2022-fr", ["bilan", "2022"]),
    ("bilan-2022-en", ["bilan", "2022", "--lang", "en"]),
    ("bilan-2022-markdown", ["bilan", "2022", "--format", "markdown"]),
    ("bilan-2022-json", ["bilan", "2022", "--format", "json"]),
    ("bilan-2022-csv-en", ["bilan", "2022", "--format", "csv", "--lang", "en"]),
    ("bilan-2021-fr-as-known-on", ["bilan", "2021", "--as-known-on", "2022-01-31"]),
    ("history-insertion-hours", ["history", "procurement.insertion_hours", "--year", "2022"]),
    ("history-books-json", ["history", "books.donated_eur", "--year", "2022", "--format", "json"]),
    ("stats", ["stats"]),
    ("verify", ["verify"]),
    ("export-csv-milestones", ["export", "--format", "csv", "--type", "milestone.reached"]),
    ("bilan-2022-html-fr", ["bilan", "2022", "--format", "html"]),
    ("bilan-2022-html-en", ["bilan", "2022", "--format", "html", "--lang", "en"]),
    (
      "series-fr",
      ["series", "procurement.insertion_hours", "okote.amount_eur", "pole.members_at_year_end", "procurement.social_clause_share"]
    ),
    (
      "series-markdown-en",
      ["series", "books.collected_total", "conseil.plenaries", "--from", "2019", "--format", "markdown", "--lang", "en"]
    ),
    (
      "series-csv",
      ["series", "procurement.insertion_hours", "books.donated_eur", "procurement.beneficiaries_qpv_share", "--format", "csv"]
    ),
    (
      "series-csv-fr",
      ["series", "procurement.insertion_hours", "books.donated_eur", "procurement.beneficiaries_qpv_share", "--format", "csv-fr"]
    ),
    ("bilan-2022-csv-fr", ["bilan", "2022", "--format", "csv-fr"]),
    ("bilan-long-2022-2023-csv", ["bilan", "2022..2023", "--format", "csv", "--long"]),
    ("log-csv-fr-milestones", ["log", "--format", "csv-fr", "--type", "milestone.reached"]),
    (
      "series-json-as-known-on",
      ["series", "books.collected", "--from", "2021", "--to", "2023", "--as-known-on", "2023-01-31", "--format", "json"]
    ),
  ]

  @Test(arguments: cases.indices)
  func outputMatchesItsGoldenFile(_ i: Int) throws {
    let (name, arguments) = Self.cases[i]
    let ess = try #require(Tools.built("ess"))
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let journal = work.appendingPathComponent("demo").path
    let demo = try Self.run(ess, ["demo", journal])
    #expect(demo.status == 0)
    let result = try Self.run(ess, arguments + (arguments.first == "types" ? [] : ["--journal", journal]))
    #expect(result.status == 0, "\(name): \(result.stderr)")
    let output = result.stdout.replacing(journal, with: "<journal>")
    let file = Self.folder.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["ESS_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try Data(output.utf8).write(to: file)
    }
    let expected = String(decoding: try Data(contentsOf: file), as: UTF8.self)  // byte for byte: a BOM (csv-fr) is kept
    #expect(output == expected, "\(name): output differs from Golden/\(name).txt")
  }

  static func run(_ ess: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try Tools.run(ess, arguments, environment: ["ESS_JOURNAL": nil, "COLUMNS": "160"])
  }
}
