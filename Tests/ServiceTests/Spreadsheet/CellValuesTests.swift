import Testing

@testable import Service

@Suite("Spreadsheet cell values")
struct CellValuesTests {
  @Test(arguments: [
    ("426.5", "426.5"), ("-3", "-3"), ("1250", "1250"), ("+7", "7"), ("1.5E-3", "0.0015"), ("2.18601946E+13", "21860194600000"),
    ("1E0", "1"), ("1e-05", "0.00001"), (".5", "0.5"), ("-0E5", "0"), ("12.50E1", "125"),
  ])
  func numbersBecomePlainDecimals(_ literal: String, _ plain: String) {
    #expect(CellValues.plainDecimal(literal) == plain)
  }

  @Test(arguments: ["", "abc", "1.2.3", "1E", "E5", "1e999", "0x10", "١٢"])
  func nonNumbersAreNone(_ literal: String) {
    #expect(CellValues.plainDecimal(literal) == nil)
  }

  @Test func datesAndDaysRoundTrip() {
    // 1970-01-01 is day 0; 2022-06-30 is day 19 173 (a date people report on).
    #expect(CellValues.days("1970-01-01") == 0)
    #expect(CellValues.days("2022-06-30") == 19_173)
    #expect(CellValues.iso(19_173) == "2022-06-30")
    for day in stride(from: -30_000, through: 60_000, by: 997) { #expect(CellValues.days(CellValues.iso(day)) == day) }
    for bad in ["2022-02-29", "2022-13-01", "2022-6-30", "30/06/2022", "2022-06-31"] { #expect(CellValues.days(bad) == nil, "\(bad)") }
  }

  @Test func spreadsheetSerialsAreExcelsDays() {
    // Excel and LibreOffice: 45000 is 2023-03-15, 44742 is 2022-06-30; the 1904 system counts from 1904-01-01.
    #expect(CellValues.iso(45_000 + CellValues.serialEpoch) == "2023-03-15")
    #expect(CellValues.iso(44_742 + CellValues.serialEpoch) == "2022-06-30")
    #expect(CellValues.iso(0 + CellValues.serialEpoch1904) == "1904-01-01")
  }

  @Test func columnLettersAndReferences() {
    #expect(["A", "Z", "AA", "AZ", "BA", "XFD"] == [0, 25, 26, 51, 52, 16_383].map(CellValues.letters))
    #expect(CellValues.reference("C7")! == (2, 7))
    #expect(CellValues.reference("xfd1048576")! == (16_383, 1_048_576))
    for bad in ["7", "C", "C0", "ABCD1", "C-1"] { #expect(CellValues.reference(bad) == nil, "\(bad)") }
  }

  @Test func dateFormatsAreToldFromNumberAndTimeFormats() {
    for code in ["yyyy\\-mm\\-dd", "dd/mm/yyyy", "[$-40C]d mmmm yyyy", "YYYY-MM-DD", "d-mmm"] {
      #expect(XLSXReader.isDateFormat(code), "\(code)")
    }
    for code in ["0.00", "General", "[h]:mm", "hh:mm:ss", "\"day\" 0", "#,##0 \\d", "[Red]0"] {
      #expect(!XLSXReader.isDateFormat(code), "\(code)")
    }
  }
}
