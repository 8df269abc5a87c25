import Journal
import Testing

@testable import Domain

@Suite struct FieldCheckTests {
  enum Field: Int, EventField { case insertionHours, amountEUR, opensOn, note, flag }
  static let fields: [FieldSpec] = [
    .required(Field.insertionHours, .count, "Hours."),
    .required(Field.amountEUR, .euros, "Amount."),
    .required(Field.opensOn, .date, "Opening day."),
    .optional(Field.note, .text(maxLength: 20), "Note."),
    .optional(Field.flag, .boolean, "Flag."),
  ]

  @Test func validDataPassesNullOptionalsIncluded() throws {
    try FieldCheck.check(
      ["insertionHours": 12500, "amountEUR": Fixtures.number("426.5"), "opensOn": "2022-11-25", "flag": nil], against: Self.fields)
  }

  @Test func unknownFieldSuggestsTheClosestName() {
    let error = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHour": 3, "amountEUR": 1, "opensOn": "2022-11-25"], against: Self.fields)
    }
    #expect(error?.code == .unknownField)
    #expect(error?.field == "insertionHour")
    #expect(error?.message == "Unknown field 'insertionHour'; did you mean 'insertionHours'?")
  }

  @Test func unknownFieldWithoutCloseNameListsTheKnownOnes() {
    let error = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHours": 3, "amountEUR": 1, "opensOn": "2022-11-25", "colour": "red"], against: Self.fields)
    }
    #expect(error?.code == .unknownField)
    #expect(error?.message == "Unknown field 'colour'; the known fields are 'insertionHours', 'amountEUR', 'opensOn', 'note' and 'flag'.")
  }

  @Test func suggestionIgnoresCase() {
    let error = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHours": 3, "amounteur": 1, "opensOn": "2022-11-25"], against: Self.fields)
    }
    #expect(error?.message == "Unknown field 'amounteur'; did you mean 'amountEUR'?")
  }

  @Test func missingAndNullRequiredFieldsAreNamed() {
    let missing = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHours": 3, "amountEUR": 1], against: Self.fields)
    }
    #expect(missing?.code == .missingField)
    #expect(missing?.field == "opensOn")
    #expect(missing?.message == "Field 'opensOn' is required (a real date written YYYY-MM-DD) but is missing.")
    let null = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHours": 3, "amountEUR": nil, "opensOn": "2022-11-25"], against: Self.fields)
    }
    #expect(null?.code == .missingField)
    #expect(null?.message.hasSuffix("but is null.") == true)
  }

  @Test(arguments: [JSONValue.array([]), "books", 12, nil, true])
  func dataMustBeAnObject(_ data: JSONValue) {
    let error = catalogError { () throws(DomainError) in try FieldCheck.check(data, against: Self.fields) }
    #expect(error?.code == .wrongType)
    #expect(error?.field == "data")
    #expect(error?.message.hasPrefix("The event data must be a JSON object; got ") == true)
  }

  @Test func wrongTypeSaysWhatWasGiven() {
    let error = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHours": "12500", "amountEUR": 1, "opensOn": "2022-11-25"], against: Self.fields)
    }
    #expect(error?.code == .wrongType)
    #expect(error?.message == "Field 'insertionHours' must be a whole number ≥ 0; got the text \"12500\".")
  }

  @Test func longValuesAreShortenedInMessages() {
    let note = String(repeating: "x", count: 500)
    let error = catalogError { () throws(DomainError) in
      try FieldCheck.check(["insertionHours": 1, "amountEUR": 1, "opensOn": "2022-11-25", "note": .string(note)], against: Self.fields)
    }
    #expect(error?.code == .invalidValue)
    #expect(error?.message.contains("(500 characters)") == true)
    #expect((error?.message.count ?? 1000) < 200)
    #expect(error?.given?.count == 60)
  }
}
