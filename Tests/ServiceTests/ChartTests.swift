import Foundation
import Testing

@testable import Service

/// The HTML bilan's charts: golden SVG for each kind from small hand-made series, edge cases included. To accept a
/// deliberate change: `ESS_UPDATE_GOLDEN=1 swift test --filter ChartTests`, then look at the diff (and at the page).
@Suite("Charts (golden SVG)")
struct ChartTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/charts")

  static let cases: [(name: String, chart: SVGChart)] = [
    (
      "bars",
      SVGChart(
        id: "a", title: "Heures d'insertion", years: [2019, 2020, 2021, 2022],
        series: [.init(name: "Heures", values: [12_000, nil, 0, 483_442])], kind: .bars, language: .fr, unit: .hours)
    ),
    (
      "bars-one-year",
      SVGChart(
        id: "b", title: "One year", years: [2022], series: [.init(name: "Books", values: [4_265])], kind: .bars,
        language: .en)
    ),
    (
      "bars-all-zeros",
      SVGChart(
        id: "c", title: "Zéros", years: [2020, 2021, 2022], series: [.init(name: "Rien", values: [0, 0, 0])],
        kind: .bars, language: .fr)
    ),
    (
      "bars-all-null",
      SVGChart(
        id: "d", title: "Rien d'enregistré", years: [2020, 2021], series: [.init(name: "Rien", values: [nil, nil])],
        kind: .bars, language: .fr)
    ),
    (
      "bars-huge-euros",
      SVGChart(
        id: "e", title: "Montant total attribué", years: [2021, 2022],
        series: [.init(name: "Montant", values: [1_250_000.5, 83_652_602.5])], kind: .bars, language: .fr, unit: .euros)
    ),
    (
      "stacked",
      SVGChart(
        id: "f", title: "Okoté : montants par type de contributeur", years: [2020, 2021, 2022],
        series: [
          .init(name: "dont habitants", values: [nil, 10_000, 71_325]), .init(name: "dont entreprises", values: [nil, 5_000, 88_865]),
          .init(name: "dont institutions, collectivités et autres financeurs publics du territoire", values: [nil, 0, 67_810]),
        ],
        kind: .stackedBars, language: .fr, unit: .euros)
    ),
    (
      "bars-and-share",
      SVGChart(
        id: "g", title: "Contracts and share with a social clause", years: [2020, 2021, 2022],
        series: [.init(name: "Contracts", values: [40, nil, 100]), .init(name: "Social clause", values: [0.1, nil, 0.23])],
        kind: .barsAndShareLine, language: .en)
    ),
    (
      "line-with-gap",
      SVGChart(
        id: "h", title: "Membres au 31 décembre", years: [2018, 2019, 2020, 2021, 2022],
        series: [.init(name: "Membres", values: [22, 25, nil, 30, 28])], kind: .line, language: .fr)
    ),
  ]

  @Test(arguments: cases.indices)
  func chartMatchesItsGoldenFile(_ i: Int) throws {
    let (name, chart) = Self.cases[i]
    let svg = chart.svg + "\n"
    let file = Self.folder.appendingPathComponent("\(name).svg")
    if ProcessInfo.processInfo.environment["ESS_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try svg.write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(svg == (try String(contentsOf: file, encoding: .utf8)), "\(name): run with ESS_UPDATE_GOLDEN=1 and review the diff")
  }

  @Test func shapesMatchTheData() {
    let stacked = Self.cases[5].chart
    #expect(stacked.svg.components(separatedBy: "<rect class=\"bar").count - 1 == 5)  // 2021: two of three (a 0 draws nothing); 2022: three
    #expect(stacked.svg.contains(">n.d.</text>"))  // 2020 recorded nothing
    let line = Self.cases[7].chart
    #expect(line.svg.components(separatedBy: "<circle class=\"point\"").count - 1 == 4)
    #expect(line.svg.components(separatedBy: "<polyline").count - 1 == 2)  // broken at 2020
    #expect(line.table.rows[2] == ["2020", "n.d."])
    let huge = Self.cases[4].chart
    #expect(huge.table.rows[1] == ["2022", "83 652 603 €"] && huge.svg.contains(">100 000 000 €</text>"))
    let zeros = Self.cases[2].chart
    #expect(!zeros.svg.contains("<rect class=\"bar") && zeros.svg.contains(">0</text>"))
    for (_, chart) in Self.cases {
      #expect(chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && chart.svg.contains("role=\"img\""))
      #expect(chart.svg.contains("<title id=\"\(chart.id)-title\">") && chart.svg.contains("<desc id=\"\(chart.id)-desc\">"))
    }
  }
}
