import Domain
import Journal
import Testing

@Suite struct FieldKindTests {
  struct ParseCase: Sendable, CustomTestStringConvertible {
    var kind: FieldKind
    var text: String
    var expected: JSONValue
    var testDescription: String { "\(kind.label) ← \(text)" }
  }

  static let parsed: [ParseCase] = [
    .init(kind: .text(maxLength: 200), text: "Emmaüs Mundo", expected: "Emmaüs Mundo"),
    .init(kind: .slug, text: "ems-2022-0147", expected: "ems-2022-0147"),
    .init(
      kind: .slugList(nonEmpty: true), text: "emmaus-mundo, cress-grand-est ,kaleidoscoop",
      expected: ["emmaus-mundo", "cress-grand-est", "kaleidoscoop"]),
    .init(kind: .slugList(nonEmpty: false), text: "", expected: []),
    .init(kind: .textList, text: "Benoît Hamon,Roland Ries", expected: ["Benoît Hamon", "Roland Ries"]),
    .init(kind: .count, text: "4265", expected: 4265),
    .init(kind: .count, text: "483 442", expected: 483442),
    .init(kind: .count, text: "0", expected: 0),
    .init(kind: .positiveCount, text: "1_000", expected: 1000),
    .init(kind: .euros, text: "426.50", expected: .number(JSONNumber(literal: "426.5")!)),
    .init(kind: .euros, text: "426,50", expected: .number(JSONNumber(literal: "426.5")!)),
    .init(kind: .euros, text: "435 000 €", expected: 435000),
    .init(kind: .positiveEuros, text: "25", expected: 25),
    .init(kind: .boolean, text: "true", expected: true),
    .init(kind: .boolean, text: "Oui", expected: true),
    .init(kind: .boolean, text: "non", expected: false),
    .init(kind: .boolean, text: "FALSE", expected: false),
    .init(kind: .date, text: "2024-02-29", expected: "2024-02-29"),
    .init(kind: .year, text: "2022", expected: 2022),
    .init(kind: .number, text: "-12,5", expected: .number(JSONNumber(literal: "-12.5")!)),
    .init(kind: .number, text: "1.5e3", expected: 1500),
    .init(kind: .seq, text: "42", expected: 42),
    .init(kind: .choice(["ville", "eurometropole"]), text: "ville", expected: "ville"),
    .init(kind: .object, text: #"{"books": 4312}"#, expected: ["books": 4312]),
    .init(kind: .validTime, text: "2022-12-31T23:30:00+01:00", expected: "2022-12-31T23:30:00+01:00"),
  ]

  @Test(arguments: parsed)
  func parsesCommandLineValues(_ c: ParseCase) throws {
    #expect(try c.kind.parse(c.text) == c.expected)
  }

  struct BadParse: Sendable, CustomTestStringConvertible {
    var kind: FieldKind
    var text: String
    var code: DomainError.Code
    var messagePart: String
    var testDescription: String { "\(kind.label) ← \(text)" }
  }

  static let badParses: [BadParse] = [
    .init(kind: .count, text: "douze", code: .wrongType, messagePart: "must be a whole number ≥ 0; got \"douze\""),
    .init(kind: .count, text: "12,5", code: .wrongType, messagePart: "must be a whole number ≥ 0; got \"12,5\""),
    .init(kind: .count, text: "12.5", code: .invalidValue, messagePart: "got 12.5 (not a whole number)"),
    .init(kind: .count, text: "-3", code: .invalidValue, messagePart: "got -3"),
    .init(kind: .positiveCount, text: "0", code: .invalidValue, messagePart: "greater than 0"),
    .init(kind: .euros, text: "12.345", code: .invalidValue, messagePart: "at most 2 decimals; got 12.345"),
    .init(kind: .euros, text: "12,5,3", code: .wrongType, messagePart: "got \"12,5,3\""),
    .init(kind: .positiveEuros, text: "0", code: .invalidValue, messagePart: "greater than 0"),
    .init(kind: .boolean, text: "peut-être", code: .wrongType, messagePart: "must be true or false (oui or non)"),
    .init(kind: .date, text: "2023-02-30", code: .invalidValue, messagePart: "a real date written YYYY-MM-DD"),
    .init(kind: .date, text: "30/01/2023", code: .invalidValue, messagePart: "got \"30/01/2023\""),
    .init(kind: .year, text: "1850", code: .invalidValue, messagePart: "a year from 1900 to 2100"),
    .init(kind: .number, text: "beaucoup", code: .wrongType, messagePart: "must be a number"),
    .init(kind: .seq, text: "0", code: .invalidValue, messagePart: "an event seq"),
    .init(kind: .slug, text: "Emmaus Mundo", code: .invalidValue, messagePart: "spaces are not allowed"),
    .init(kind: .slugList(nonEmpty: true), text: "", code: .invalidValue, messagePart: "the list is empty"),
    .init(kind: .slugList(nonEmpty: true), text: "a,b,a", code: .invalidValue, messagePart: "\"a\" is listed more than once"),
    .init(kind: .textList, text: "Benoît Hamon,,", code: .invalidValue, messagePart: "Item 2"),
    .init(kind: .text(maxLength: 5), text: "Strasbourg", code: .invalidValue, messagePart: "(10 characters)"),
    .init(kind: .choice(["ville", "eurometropole"]), text: "Ville", code: .invalidValue, messagePart: "did you mean 'ville'?"),
    .init(kind: .object, text: "{books:1}", code: .wrongType, messagePart: "must be a JSON object"),
    .init(kind: .object, text: "[1]", code: .wrongType, messagePart: "got the list [1]"),
    .init(kind: .validTime, text: "2022-12-31T25:00:00Z", code: .invalidValue, messagePart: "RFC 3339"),
  ]

  @Test(arguments: badParses)
  func refusesBadCommandLineValues(_ c: BadParse) {
    let error = catalogError { () throws(DomainError) in try c.kind.parse(c.text) }
    #expect(error?.code == c.code)
    #expect(error?.message.contains(c.messagePart) == true, "\(error?.message ?? "no error")")
    #expect(error?.message.hasPrefix("The value") == true || error?.message.hasPrefix("Item") == true)
  }

  @Test func fieldSpecParseNamesTheField() throws {
    let spec = FieldSpec.required(BooksDonationCounted.Field.books, .positiveCount, "Books counted.")
    let error = catalogError { () throws(DomainError) in try spec.parse("quatre") }
    #expect(error?.field == "books")
    #expect(error?.message == "Field 'books' must be a whole number greater than 0; got \"quatre\".")
    #expect(try spec.parse("4265") == 4265)
  }

  @Test func labelsDescribeKindsForEssTypes() {
    #expect(FieldKind.count.label == "count (integer ≥ 0)")
    #expect(FieldKind.positiveEuros.label == "euros (> 0, at most 2 decimals)")
    #expect(FieldKind.text(maxLength: 200).label == "text (≤ 200 characters)")
    #expect(FieldKind.choice(["funded", "not-funded"]).label == "one of: funded, not-funded")
    #expect(FieldKind.date.label == "date (YYYY-MM-DD)")
    let kinds: [FieldKind] = [
      .text(maxLength: 1), .slug, .slugList(nonEmpty: true), .slugList(nonEmpty: false), .textList, .count, .positiveCount,
      .euros, .positiveEuros, .boolean, .date, .year, .number, .seq, .choice(["a"]), .object, .validTime,
    ]
    #expect(Set(kinds.map(\.label)).count == kinds.count)
  }

  @Test(arguments: [
    ("a", true), ("0", true), ("emmaus-mundo", true), ("ems-2022.0147_b", true), (String(repeating: "a", count: 64), true),
    ("", false), ("Emmaus", false), ("emmaus mundo", false), ("-abc", false), (".abc", false), ("_abc", false),
    (String(repeating: "a", count: 65), false), ("emmaüs", false), ("a/b", false),
  ])
  func slugRule(text: String, valid: Bool) {
    let result = catalogError { () throws(DomainError) in try FieldKind.slug.parse(text) }
    #expect((result == nil) == valid)
  }
}
