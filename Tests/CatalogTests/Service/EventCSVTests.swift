import Testing

@testable import Catalog

@Suite("CSV export")
struct EventCSVTests {
  @Test func fieldsAreQuotedAsRFC4180Says() {
    #expect(EventCSV.quote("Emmaüs Mundo") == "Emmaüs Mundo")
    #expect(EventCSV.quote("a,b") == "\"a,b\"")
    #expect(EventCSV.quote(#"{"k":"v"}"#) == #""{""k"":""v""}""#)
    #expect(EventCSV.quote("ligne\r\nsuivante") == "\"ligne\r\nsuivante\"")
    #expect(EventCSV.quote("fin\n") == "\"fin\n\"")
    #expect(EventCSV.quote("«\u{a0}»é\"") == "\"«\u{a0}»é\"\"\"")
    #expect(EventCSV.quote("") == "")
  }
}
