import Testing

@testable import Domain

@Suite("French column labels")
struct FieldLabelTests {
  @Test func everyFieldOfEveryTypeHasItsOwnFrenchLabel() {
    for type in EventCatalog.types {
      let labels = type.fields.map { $0.labelFR.lowercased() }
      #expect(Set(labels).count == labels.count, "\(type.kind.rawValue): two fields share a label: \(labels)")
      for spec in type.fields {
        #expect(!spec.labelFR.isEmpty && spec.labelFR.count <= 40, "\(type.kind.rawValue).\(spec.name): \(spec.labelFR)")
        // A label that is not a French word is the field's name left as it was: camelCase names all have one.
        if spec.name.contains(where: \.isUppercase) {
          #expect(spec.labelFR != spec.name, "\(type.kind.rawValue).\(spec.name) has no French label")
        }
        // No label is another field's name.
        let others = type.fields.filter { $0.name != spec.name }.map { $0.name.lowercased() }
        #expect(!others.contains(spec.labelFR.lowercased()), "\(type.kind.rawValue).\(spec.name): \(spec.labelFR)")
      }
    }
  }

  @Test func aLabelDefaultsToTheFieldNameAndIsKeptWhenGiven() {
    let plain = FieldSpec.required(BooksDonationCounted.Field.books, .positiveCount, "Books.")
    #expect(plain.labelFR == "books")
    #expect(ProcurementInsertionHoursReported.fields.map(\.labelFR).prefix(2) == ["identifiant du marché", "heures d'insertion"])
  }
}
