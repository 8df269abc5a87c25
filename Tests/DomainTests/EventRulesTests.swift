import Domain
import Journal
import Testing

/// Every field rule and every rule between fields, broken at least once,
/// through `EventCatalog.validate` as an import or `ess append` would call it.
@Suite struct EventRulesTests {
  struct Broken: Sendable, CustomTestStringConvertible {
    var what: String
    var type: String
    var changes: [String: JSONValue?]
    var code: DomainError.Code
    var field: String
    var messagePart: String
    var testDescription: String { "\(type): \(what)" }
  }

  static let long201 = JSONValue.string(String(repeating: "é", count: 201))
  static let long2001 = JSONValue.string(String(repeating: "a", count: 2001))
  static let slug65 = JSONValue.string(String(repeating: "a", count: 65))

  static let cases: [Broken] = [
    // Unknown and missing fields.
    .init(
      what: "typo in a field name", type: "procurement.insertion-hours-reported",
      changes: ["insertionHours": nil, "insertionHour": 12500], code: .unknownField, field: "insertionHour",
      messagePart: "Unknown field 'insertionHour'; did you mean 'insertionHours'?"),
    .init(
      what: "field of another type", type: "books.donation-counted", changes: ["amountEUR": 5],
      code: .unknownField, field: "amountEUR", messagePart: "the known fields are 'books' and 'site'"),
    .init(
      what: "missing name", type: "pole.member-joined", changes: ["name": nil], code: .missingField, field: "name",
      messagePart: "Field 'name' is required"),
    .init(
      what: "null required boolean", type: "procurement.contract-awarded", changes: ["awardeeIsLocal": .some(.null)],
      code: .missingField, field: "awardeeIsLocal", messagePart: "but is null"),
    .init(
      what: "missing target", type: "event.retracted", changes: ["target": nil], code: .missingField, field: "target",
      messagePart: "Field 'target' is required"),
    // Wrong JSON types.
    .init(
      what: "count as text", type: "books.donation-counted", changes: ["books": "4265"], code: .wrongType,
      field: "books", messagePart: "got the text \"4265\""),
    .init(
      what: "boolean as text", type: "procurement.contract-awarded", changes: ["socialClause": "oui"],
      code: .wrongType, field: "socialClause", messagePart: "must be true or false"),
    .init(
      what: "list as text", type: "pole.board-elected", changes: ["memberIds": "emmaus-mundo,cress"],
      code: .wrongType, field: "memberIds", messagePart: "got the text"),
    .init(
      what: "guests as text", type: "conseil.plenary-held", changes: ["guests": "Benoît Hamon"], code: .wrongType,
      field: "guests", messagePart: "must be a list of non-blank texts"),
    .init(
      what: "guest as number", type: "conseil.plenary-held", changes: ["guests": ["Benoît Hamon", 3]],
      code: .wrongType, field: "guests", messagePart: "Item 2 of field 'guests'"),
    .init(
      what: "date as number", type: "marcheoff.edition-reported", changes: ["opensOn": 20_221_125], code: .wrongType,
      field: "opensOn", messagePart: "got the number 20221125"),
    .init(
      what: "value as text", type: "indicator.reported", changes: ["value": "1200"], code: .wrongType,
      field: "value", messagePart: "Field 'value' must be a number"),
    .init(
      what: "amount as text", type: "okote.pledge-made", changes: ["amountEUR": "25 €"], code: .wrongType,
      field: "amountEUR", messagePart: "got the text \"25 €\""),
    .init(
      what: "text as number", type: "milestone.reached", changes: ["title": 2023], code: .wrongType,
      field: "title", messagePart: "Field 'title' must be a non-blank text"),
    .init(
      what: "correction data as list", type: "event.corrected", changes: ["data": [1, 2]], code: .wrongType,
      field: "data", messagePart: "Field 'data' must be a JSON object"),
    // Counts.
    .init(
      what: "negative count", type: "pole.general-assembly-held", changes: ["attendees": -1], code: .invalidValue,
      field: "attendees", messagePart: "Field 'attendees' must be a whole number ≥ 0; got -1."),
    .init(
      what: "fractional count", type: "conseil.workshop-held", changes: ["participants": Fixtures.number("12.5")],
      code: .invalidValue, field: "participants", messagePart: "got 12.5 (not a whole number)"),
    .init(
      what: "huge count", type: "procurement.insertion-hours-reported",
      changes: ["insertionHours": Fixtures.number("1e30")], code: .invalidValue, field: "insertionHours",
      messagePart: "(too large)"),
    .init(
      what: "zero books", type: "books.donation-counted", changes: ["books": 0], code: .invalidValue,
      field: "books", messagePart: "must be a whole number greater than 0; got 0."),
    .init(
      what: "zero target seq", type: "event.corrected", changes: ["target": 0], code: .invalidValue,
      field: "target", messagePart: "an event seq"),
    .init(
      what: "year out of range", type: "marcheoff.edition-reported", changes: ["edition": 1850],
      code: .invalidValue, field: "edition", messagePart: "a year from 1900 to 2100; got 1850."),
    // Euros.
    .init(
      what: "3-decimal amount", type: "procurement.contract-awarded", changes: ["amountEUR": Fixtures.number("12.345")],
      code: .invalidValue, field: "amountEUR",
      messagePart: "Field 'amountEUR' must be an amount in euros ≥ 0 with at most 2 decimals; got 12.345."),
    .init(
      what: "negative revenue", type: "marcheoff.edition-reported", changes: ["revenueEUR": -5], code: .invalidValue,
      field: "revenueEUR", messagePart: "got -5."),
    .init(
      what: "zero pledge", type: "okote.pledge-made", changes: ["amountEUR": 0], code: .invalidValue,
      field: "amountEUR", messagePart: "must be an amount in euros greater than 0 with at most 2 decimals; got 0."),
    .init(
      what: "negative target", type: "okote.campaign-opened", changes: ["targetEUR": -100], code: .invalidValue,
      field: "targetEUR", messagePart: "got -100."),
    // Identifiers.
    .init(
      what: "uppercase slug", type: "pole.member-joined", changes: ["memberId": "Emmaus-Mundo"], code: .invalidValue,
      field: "memberId", messagePart: "uppercase letters are not allowed"),
    .init(
      what: "slug with a space", type: "okote.pledge-made", changes: ["contributorId": "jean dupont"],
      code: .invalidValue, field: "contributorId", messagePart: "spaces are not allowed"),
    .init(
      what: "65-character slug", type: "procurement.contract-awarded", changes: ["contractId": slug65],
      code: .invalidValue, field: "contractId", messagePart: "(65 characters)"),
    .init(
      what: "slug starting with a dash", type: "procurement.tender-unsuccessful", changes: ["tenderId": "-2023"],
      code: .invalidValue, field: "tenderId", messagePart: "starting with a letter or digit"),
    .init(
      what: "bad slug in a list", type: "pole.board-elected", changes: ["memberIds": ["emmaus-mundo", "CRESS"]],
      code: .invalidValue, field: "memberIds", messagePart: "Item 2 of field 'memberIds' must be an identifier"),
    .init(
      what: "bad indicator slug", type: "indicator.reported", changes: ["indicator": "Manifestation attendees"],
      code: .invalidValue, field: "indicator", messagePart: "Field 'indicator' must be an identifier"),
    .init(
      what: "bad campaign slug", type: "okote.campaign-closed", changes: ["campaignId": "Okoté 2023"],
      code: .invalidValue, field: "campaignId", messagePart: "got \"Okoté 2023\""),
    // Lists.
    .init(
      what: "empty board", type: "pole.board-elected", changes: ["memberIds": []], code: .invalidValue,
      field: "memberIds", messagePart: "must be a non-empty list of distinct identifiers"),
    .init(
      what: "member twice on the board", type: "pole.board-elected", changes: ["memberIds": ["a", "b", "a"]],
      code: .invalidValue, field: "memberIds", messagePart: "\"a\" is listed more than once"),
    .init(
      what: "blank guest", type: "conseil.plenary-held", changes: ["guests": ["Benoît Hamon", "  "]],
      code: .invalidValue, field: "guests", messagePart: "the text is blank"),
    // Choices.
    .init(
      what: "capitalised legal form", type: "pole.member-joined", changes: ["legalForm": "Association"],
      code: .invalidValue, field: "legalForm", messagePart: "got \"Association\" (did you mean 'association'?)"),
    .init(
      what: "abbreviated legal form", type: "pole.member-joined", changes: ["legalForm": "asso"],
      code: .invalidValue, field: "legalForm", messagePart: "got \"asso\" (did you mean 'association'?)"),
    .init(
      what: "a bilan published in an unknown language", type: "bilan.published", changes: ["lang": "de"], code: .invalidValue,
      field: "lang", messagePart: "Field 'lang' must be one of 'fr' or 'en'; got \"de\""),
    .init(
      what: "unknown buyer", type: "procurement.contract-awarded", changes: ["buyer": "region"], code: .invalidValue,
      field: "buyer", messagePart: "Field 'buyer' must be one of 'ville' or 'eurometropole'; got \"region\"."),
    .init(
      what: "unknown contributor kind", type: "okote.pledge-made", changes: ["contributorKind": "person"],
      code: .invalidValue, field: "contributorKind", messagePart: "one of 'citizen', 'company' or 'public'"),
    .init(
      what: "unknown outcome", type: "okote.campaign-closed", changes: ["outcome": "not funded"], code: .invalidValue,
      field: "outcome", messagePart: "did you mean 'not-funded'?"),
    .init(
      what: "unknown milestone kind", type: "milestone.reached", changes: ["kind": "prize"], code: .invalidValue,
      field: "kind", messagePart: "'label', 'award', 'deliberation', 'founding', 'event' or 'other'"),
    // Dates.
    .init(
      what: "impossible date", type: "marcheoff.edition-reported", changes: ["opensOn": "2023-02-30"],
      code: .invalidValue, field: "opensOn", messagePart: "must be a real date written YYYY-MM-DD; got \"2023-02-30\"."),
    .init(
      what: "French date format", type: "marcheoff.edition-reported", changes: ["closesOn": "24/12/2022"],
      code: .invalidValue, field: "closesOn", messagePart: "got \"24/12/2022\""),
    .init(
      what: "impossible correction time", type: "event.corrected", changes: ["occurredOn": "2023-02-30T10:00:00+01:00"],
      code: .invalidValue, field: "occurredOn", messagePart: "or an RFC 3339 date-time with its offset"),
    .init(
      what: "date-time without offset", type: "event.corrected", changes: ["occurredOn": "2023-02-03T10:00:00"],
      code: .invalidValue, field: "occurredOn", messagePart: "got \"2023-02-03T10:00:00\""),
    // Texts.
    .init(
      what: "201-character title", type: "procurement.tender-unsuccessful", changes: ["title": long201],
      code: .invalidValue, field: "title", messagePart: "at most 200 characters without control characters; got"),
    .init(
      what: "2001-character note", type: "pole.member-left", changes: ["note": long2001], code: .invalidValue,
      field: "note", messagePart: "(2001 characters)"),
    .init(
      what: "blank name", type: "pole.member-joined", changes: ["name": "   "], code: .invalidValue,
      field: "name", messagePart: "(the text is blank)"),
    .init(
      what: "empty project", type: "okote.campaign-opened", changes: ["project": ""], code: .invalidValue,
      field: "project", messagePart: "(the text is blank)"),
    .init(
      what: "control character", type: "conseil.workshop-held", changes: ["theme": "Atelier\u{0007}"],
      code: .invalidValue, field: "theme", messagePart: "(the text holds a control character)"),
    .init(
      what: "long unit", type: "indicator.reported", changes: ["unit": .string(String(repeating: "u", count: 41))],
      code: .invalidValue, field: "unit", messagePart: "at most 40 characters"),
    .init(
      what: "non-standard unit spelling", type: "indicator.reported", changes: ["unit": "heures"],
      code: .invalidValue, field: "unit", messagePart: "Field 'unit' must be written 'hours'"),
    // Rules between fields.
    .init(
      what: "more training than insertion hours", type: "procurement.insertion-hours-reported",
      changes: ["insertionHours": 1200, "trainingHours": 1500], code: .ruleBroken, field: "trainingHours",
      messagePart:
        "Field 'trainingHours' must be at most insertionHours (1200), since training hours are part of the insertion hours; got 1500."),
    .init(
      what: "more QPV beneficiaries than beneficiaries", type: "procurement.insertion-hours-reported",
      changes: ["beneficiaries": 14, "beneficiariesInQPV": 15], code: .ruleBroken, field: "beneficiariesInQPV",
      messagePart: "Field 'beneficiariesInQPV' must be at most beneficiaries (14)"),
    .init(
      what: "market closing before it opens", type: "marcheoff.edition-reported",
      changes: ["opensOn": "2022-11-25", "closesOn": "2022-11-24"], code: .ruleBroken, field: "closesOn",
      messagePart: "Field 'closesOn' must not be before opensOn (2022-11-25); got 2022-11-24."),
    .init(
      what: "subsidy without SIRET or RNA", type: "subsidy.granted",
      changes: ["beneficiaryIds": [["scheme": "TVA", "id": "FR40216704825"]]], code: .ruleBroken, field: "beneficiaryIds",
      messagePart: "must hold the beneficiary's SIRET or RNA number"),
    .init(
      what: "payment period ending before it starts", type: "subsidy.granted",
      changes: ["paymentPeriod": "2022-12-31/2022-06-30"], code: .ruleBroken, field: "paymentPeriod",
      messagePart: "whose start is not after its end; got \"2022-12-31/2022-06-30\"."),
    .init(
      what: "share of cost above 1", type: "subsidy.granted", changes: ["shareOfCost": .number(JSONNumber(literal: "1.5")!)],
      code: .ruleBroken, field: "shareOfCost", messagePart: "from 0.01 to 1"),
    .init(
      what: "share of cost below 0.01", type: "subsidy.granted", changes: ["shareOfCost": .number(JSONNumber(literal: "0.005")!)],
      code: .ruleBroken, field: "shareOfCost", messagePart: "got 0.005."),
    .init(
      what: "subsidy kind in words", type: "subsidy.granted", changes: ["kind": "aide en numéraire"], code: .invalidValue,
      field: "kind", messagePart: "'numeraire'"),
  ]

  @Test(arguments: cases)
  func refuses(_ c: Broken) {
    let data = Fixtures.with(c.type, c.changes)
    let error = catalogError { () throws(DomainError) in try EventCatalog.validate(type: c.type, data: data) }
    #expect(error?.code == c.code)
    #expect(error?.field == c.field)
    #expect(error?.message.contains(c.messagePart) == true, "\(error?.message ?? "accepted")")
    #expect(error?.message.contains("'\(c.field)'") == true)
    #expect(error?.message.last == "." || error?.message.last == "?")
  }

  @Test func everyTypeHasAtLeastOneBrokenCase() {
    let covered = Set(Self.cases.map(\.type))
    #expect(covered == Set(EventCatalog.types.map { $0.type }))
  }

  @Test func everyKindOfRuleIsBroken() {
    #expect(Set(Self.cases.map(\.code)) == Set(DomainError.Code.allCases).subtracting([.unknownType, .unsupportedVersion]))
  }

  @Test func ruleBrokenErrorsNameTheRule() {
    let data = Fixtures.with("procurement.insertion-hours-reported", ["insertionHours": 1200, "trainingHours": 1500])
    let error = catalogError { () throws(DomainError) in
      try EventCatalog.validate(type: "procurement.insertion-hours-reported", data: data)
    }
    #expect(error?.rule == "trainingHours ≤ insertionHours")
    #expect(error?.given == "1500")
  }

  @Test func boundaryValuesAreAccepted() throws {
    let equalHours = Fixtures.with(
      "procurement.insertion-hours-reported", ["insertionHours": 1800, "trainingHours": 1800, "beneficiaries": 9])
    #expect(try EventCatalog.validate(type: "procurement.insertion-hours-reported", data: equalHours) == equalHours)
    let oneDay = Fixtures.with("marcheoff.edition-reported", ["opensOn": "2022-12-24", "closesOn": "2022-12-24"])
    #expect(try EventCatalog.validate(type: "marcheoff.edition-reported", data: oneDay) == oneDay)
    let cent = Fixtures.with("okote.pledge-made", ["amountEUR": Fixtures.number("0.01")])
    #expect(try EventCatalog.validate(type: "okote.pledge-made", data: cent) == cent)
    let title200 = Fixtures.with("milestone.reached", ["title": .string(String(repeating: "é", count: 200))])
    #expect(try EventCatalog.validate(type: "milestone.reached", data: title200) == title200)
    let leapDay = Fixtures.with("marcheoff.edition-reported", ["opensOn": "2024-02-29", "closesOn": nil, "edition": 2100])
    #expect(try EventCatalog.validate(type: "marcheoff.edition-reported", data: leapDay) == leapDay)
    let unknownUnit = Fixtures.with("indicator.reported", ["unit": "visites", "value": Fixtures.number("-0.5")])
    #expect(try EventCatalog.validate(type: "indicator.reported", data: unknownUnit) == unknownUnit)
  }

  @Test func numbersAreComparedByValueAndWrittenCanonically() throws {
    let data = Fixtures.with("procurement.contract-awarded", ["amountEUR": Fixtures.number("1.845005e5")])
    let canonical = try EventCatalog.validate(type: "procurement.contract-awarded", data: data)
    #expect(canonical["amountEUR"]?.numberValue?.text == "184500.5")
  }
}
