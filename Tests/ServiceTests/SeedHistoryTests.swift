import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Projections
@testable import Service

/// The bundled history reproduces the figures of the seed document.
@Suite("Seed history and demo", .serialized)
struct SeedHistoryTests {
  static let journal: String = {
    let path = FileManager.default.temporaryDirectory.path + "/ess-seed-" + UUID().uuidString.prefix(8)
    _ = try! Demo.materialise(at: path)
    return path
  }()

  @Test func the2022FiguresOfTheSeedDocument() throws {
    let b = try BilanReader(journal: Self.journal).bilan(year: 2022)
    let expected: [String: Bilan.Value] = [
      "procurement.insertion_hours": .integer(483_442),
      "procurement.training_hours": .integer(4_580),
      "procurement.beneficiaries": .integer(486),
      "procurement.beneficiaries_qpv_share": .fraction(117, 486),  // 24 %
      "procurement.contracts_awarded": .integer(100),
      "procurement.social_clause_share": .fraction(23, 100),
      "procurement.environmental_clause_share": .fraction(41, 100),
      "procurement.sme_share": .fraction(70, 100),
      "procurement.local_share": .fraction(70, 100),
      "procurement.ess_amount_eur": .cents(1_795_000_000),  // ≈ 18 M€
      "okote.campaigns_opened": .integer(16),
      "okote.amount_eur": .cents(22_800_000),
      "okote.citizens": .integer(1_001),
      "okote.companies": .integer(56),
      "books.collected": .integer(4_265),
      "books.donated_eur": .cents(42_650),
      "marcheoff.exhibitors": .integer(32),
      "marcheoff.partners": .integer(33),
      "marcheoff.events": .integer(130),
      "marcheoff.revenue_eur": .cents(43_500_000),
      "pole.members_at_year_end": .integer(30),
      "pole.board_size": .integer(15),
    ]
    for (key, value) in expected { #expect(b.value(key) == value, "\(key)") }
    // Machine outputs carry the full double (117/486), shortest round-trip form; text rounds for reading.
    #expect(b.value("procurement.beneficiaries_qpv_share")?.json == .number(JSONNumber(literal: "0.24074074074074073")!))
    #expect(b.value("books.donated_eur")?.json.canonicalString == "426.5")
    let text = b.text(language: .fr, markdown: false)
    for figure in ["483 442 h", "4 580 h", "426,50 €", "23 %", "24 %", "41 %", "70 %", "228 000,00 €", "17 950 000,00 €"] {
      #expect(text.contains(figure), "\(figure)")
    }
  }

  @Test func theInsertionHoursAsKnownBeforeTheirCorrectionAndTheAuditTrail() throws {
    let before = try BilanReader(journal: Self.journal).bilan(year: 2022, asKnownOn: "2023-03-01")
    #expect(before.value("procurement.insertion_hours") == .integer(493_442))
    let history = try BilanReader(journal: Self.journal).history(key: "procurement.insertion_hours", year: 2022)
    #expect(history.changes.map(\.value) == [.integer(493_442), .integer(483_442)])
    #expect(history.changes.last?.cause.type == "event.corrected")
    #expect(history.changes.last?.cause.reason?.contains("Erreur de saisie") == true)
  }

  @Test func thePoleIsFoundedOn9November2021WithAFifteenMemberBoard() throws {
    let b2021 = try BilanReader(journal: Self.journal).bilan(year: 2021)
    #expect(b2021.value("pole.members_joined") == .integer(30))
    #expect(b2021.value("pole.board_size") == .integer(15))
    #expect(b2021.value("pole.general_assemblies") == .integer(1))
    let b2023 = try BilanReader(journal: Self.journal).bilan(year: 2023)
    #expect(b2023.value("pole.general_assemblies") == .integer(1))
  }

  @Test func theDemoJournalVerifiesAndItsHistoryIsDeterministic() throws {
    let report = try Verifier.verify(at: Self.journal)
    #expect(report.isIntact && report.events == 1358)
    let again = FileManager.default.temporaryDirectory.path + "/ess-seed-again-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: again) }
    let result = try Demo.materialise(at: again)
    #expect(result.head.hash == report.headHash)
  }
}
