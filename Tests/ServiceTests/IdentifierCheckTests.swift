import Service
import Testing

/// `ess check-id`: each value's shape says what it should be; the verdict names the rule it breaks.
@Suite("ess check-id")
struct IdentifierCheckTests {
  @Test(arguments: [
    ("216704825", true, "a valid SIREN"),
    ("216 704 825 00019", true, "a valid SIRET (SIREN 216704825, NIC 00019)"),
    ("35600000000048", true, "head office"),
    ("35600000012346", true, "of La Poste"),
    ("W671234567", true, "RNA"),
    ("21670482500018", false, "Luhn"),
    ("35600000012345", false, "La Poste's rule"),
    ("21860194600000.0", false, "spreadsheet"),
    ("12345", false, "this has 5 digits"),
    ("W6712", false, "length rule"),
  ])
  func verdicts(_ value: String, _ valid: Bool, _ phrase: String) {
    let verdict = IdentifierCheck.check(value)
    #expect(verdict.isValid == valid, "\(verdict.description)")
    #expect(verdict.description.contains(phrase), "\(verdict.description)")
    #expect(verdict.description.hasPrefix(value + ": "))
  }
}
