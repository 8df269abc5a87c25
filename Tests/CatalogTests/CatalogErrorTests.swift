import Catalog
import Testing

@Suite struct CatalogErrorTests {
  @Test func descriptionPutsTheLineFirst() {
    let error = CatalogError(.missingField, "Field 'books' is required but is missing.", field: "books")
    #expect(error.description == "Field 'books' is required but is missing.")
    let located = error.at(line: 12)
    #expect(located.line == 12)
    #expect(located.description == "Line 12: Field 'books' is required but is missing.")
    #expect(located != error)
  }

  @Test func codesAreStableStrings() {
    #expect(
      CatalogError.Code.allCases.map(\.rawValue) == [
        "unknownType", "unknownField", "missingField", "wrongType", "invalidValue", "ruleBroken", "unsupportedVersion",
      ])
  }

  @Test func errorsCarryFieldRuleAndGiven() {
    let error = catalogError { () throws(CatalogError) in
      try EventCatalog.validate(
        type: "okote.pledge-made",
        data: Fixtures.with("okote.pledge-made", ["amountEUR": Fixtures.number("12.345")]))
    }
    #expect(error?.code == .invalidValue)
    #expect(error?.field == "amountEUR")
    #expect(error?.given == "12.345")
    #expect(error?.rule == "an amount in euros greater than 0 with at most 2 decimals")
    #expect(error?.message == "Field 'amountEUR' must be an amount in euros greater than 0 with at most 2 decimals; got 12.345.")
  }
}
