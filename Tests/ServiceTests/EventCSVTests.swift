import TestSupport
import Testing

@testable import Service

@Suite("CSV export")
struct EventCSVTests {
  @Test func fieldsAreQuotedAsRFC4180Says() {
    #expect(CSVField.quote("Emmaüs Mundo") == "Emmaüs Mundo")
    #expect(CSVField.quote("a,b") == "\"a,b\"")
    #expect(CSVField.quote(#"{"k":"v"}"#) == #""{""k"":""v""}""#)
    #expect(CSVField.quote("ligne\r\nsuivante") == "\"ligne\r\nsuivante\"")
    #expect(CSVField.quote("fin\n") == "\"fin\n\"")
    #expect(CSVField.quote("«\u{a0}»é\"") == "\"«\u{a0}»é\"\"\"")
    #expect(CSVField.quote("") == "")
  }
}
