import Journal
import Testing

@testable import Domain

/// FORMATS.md §4: SIREN, SIRET (with La Poste's rule) and RNA, as values, as field kinds, and as `ess check-id` reads them.
@Suite("Company identifiers")
struct CompanyIDTests {
  @Test(arguments: [
    ("216704825", CompanyID.Scheme.siren),  // Ville de Strasbourg
    ("246700488", .siren),  // Eurométropole
    ("216 704 825", .siren),
    ("21670482500019", .siret),
    ("216.704.825.00019", .siret),
    ("35600000000048", .siret),  // La Poste's head office: Luhn
    ("35600000012346", .siret),  // a La Poste establishment: digit sum 35
    ("W671234567", .rna),
    ("w 671 234 567", .rna),
  ])
  func validValues(_ value: String, _ scheme: CompanyID.Scheme) {
    #expect(CompanyID.problem(value, as: scheme) == nil, "\(value) as \(scheme)")
  }

  @Test(arguments: [
    ("216704826", CompanyID.Scheme.siren, CompanyID.Problem.luhn),
    ("21670482", .siren, .length(8)),
    ("2167048250", .siren, .length(10)),
    ("21670482A", .siren, .characters),
    ("21670482500018", .siret, .luhn),
    ("2167048250001", .siret, .length(13)),
    ("35600000012345", .siret, .laPoste),  // digit sum 34: La Poste's rule, not Luhn
    ("35600000000049", .siret, .laPoste),  // one digit off the head office: La Poste's rule applies
    ("21860194600000.0", .siret, .spreadsheetNumber),
    ("2.18601946E+13", .siret, .spreadsheetNumber),
    ("2,18601946E+13", .siret, .spreadsheetNumber),
    ("216704825.0", .siren, .spreadsheetNumber),
    ("W67123456", .rna, .length(9)),
    ("X671234567", .rna, .characters),
    ("W67123456A", .rna, .characters),
  ])
  func invalidValues(_ value: String, _ scheme: CompanyID.Scheme, _ expected: CompanyID.Problem) {
    #expect(CompanyID.problem(value, as: scheme) == expected, "\(value) as \(scheme)")
  }

  @Test func laPosteSIRETsPassingLuhnButNotTheDigitSumAreRefused() {
    // 35600000000014 passes Luhn (the generic rule) but its digits sum to 19: not a La Poste SIRET.
    #expect(CompanyID.luhnValid(Array("35600000000014".utf8)))
    #expect(CompanyID.problem("35600000000014", as: .siret) == .laPoste)
  }

  @Test func theCatalogRefusesMalformedIdentifiersButLeavesChecksumsToTheEntryPoint() throws {
    let base: [String: JSONValue] = ["memberId": "jardins", "name": "Jardins", "legalForm": "association"]
    var bad = base
    bad["siren"] = "21670482"
    #expect(throws: DomainError.self) { try EventCatalog.validate(type: "pole.member-joined", data: .object(bad)) }
    var spaced = base
    spaced["siren"] = "216 704 825"
    #expect(throws: DomainError.self) { try EventCatalog.validate(type: "pole.member-joined", data: .object(spaced)) }
    var luhn = base
    luhn["siren"] = "216704826"
    _ = try EventCatalog.validate(type: "pole.member-joined", data: .object(luhn))
    let problems = EventCatalog.checksumProblems(type: "pole.member-joined", data: .object(luhn))
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("Luhn") == true)
    #expect(EventCatalog.checksumProblems(type: "pole.member-joined", data: .object(base)).isEmpty)
  }

  @Test func typedValuesAreNormalisedAndHeldToTheChecksums() throws {
    let siren = FieldKind.companyID(.siren)
    #expect(try siren.parse("216 704 825") == "216704825")
    #expect(throws: DomainError.self) { try siren.parse("216704826") }
    #expect(throws: DomainError.self) { try siren.parse("216704825.0") }
    let list = FieldKind.companyIDList
    #expect(
      try list.parse("siret:21670482500019, TVA:FR40216704825")
        == .array([["scheme": "SIRET", "id": "21670482500019"], ["scheme": "TVA", "id": "FR40216704825"]]))
    #expect(throws: DomainError.self) { try list.parse("SIRET:21670482500018") }
    #expect(throws: DomainError.self) { try list.parse("21670482500019") }
  }

  /// ``FieldKind/hasChecksum`` names exactly the kinds of the catalog whose values ``FieldKind/checksumProblem(_:)``
  /// can find wrong: the catalog looks up no other field for checksums.
  @Test func theKindsWithAChecksumAreTheOnesChecked() {
    let breaking: [JSONValue] = [
      "216704826", "21670482500018", "W671234568", [["scheme": "SIRET", "id": "21670482500018"]], [["scheme": "SIREN", "id": "216704826"]],
    ]
    let kinds = EventKind.allCases.flatMap { $0.eventType.fields.map(\.kind) }
    var withChecksum = 0
    for kind in kinds {
      let found = breaking.contains { kind.checksumProblem($0) != nil }
      #expect(found == kind.hasChecksum, "\(kind.label)")
      if kind.hasChecksum { withChecksum += 1 }
    }
    #expect(withChecksum > 0 && withChecksum < kinds.count)
  }
}
