import Domain
import Testing

@Suite struct DomainErrorTests {
  @Test func theDescriptionIsTheMessageAndACauseIsKept() {
    let inner = DomainError(.missingField, "Field 'books' is required but is missing.", field: "books")
    #expect(inner.description == "Field 'books' is required but is missing.")
    let outer = DomainError(.missingField, "The corrected data is not valid: \(inner.message)", field: "books", cause: inner)
    #expect(outer.cause as? DomainError == inner)
    #expect(outer != inner)
  }

  @Test func codesAreStableStrings() {
    #expect(
      DomainError.Code.allCases.map(\.rawValue) == [
        "unknownType", "unknownField", "missingField", "wrongType", "invalidValue", "ruleBroken", "unsupportedVersion",
      ])
  }

  @Test func errorsCarryFieldRuleAndGiven() {
    let error = catalogError { () throws(DomainError) in
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
