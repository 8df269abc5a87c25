import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

@Suite("Table import (CSV)")
struct TableImportTests {
  static let hours = "procurement.insertion-hours-reported"

  /// Reads `csv` and imports its rows as events of `type` into `f`'s journal.
  func run(
    _ csv: String, type: String = hours, options: TableImport.Options = .init(author: "l.weber"), into f: LedgerFixture,
    dryRun: Bool = false, streamAbove: Int = TableImport.streamAbove
  ) throws -> Importer.Report {
    let read = try CSVReader.read(Array(csv.utf8))
    return try TableImport.run(
      read.table, readProblems: read.problems, type: TableImport.type(named: type), options: options, into: f.ledger(), dryRun: dryRun,
      streamAbove: streamAbove)
  }

  /// The error a real import of `csv` throws; the journal must be byte for byte as before.
  func refusal(
    _ csv: String, type: String = hours, options: TableImport.Options = .init(author: "l.weber"), into f: LedgerFixture,
    streamAbove: Int = TableImport.streamAbove
  ) throws -> ServiceError {
    let before = try f.snapshot()
    defer { #expect((try? f.snapshot()) == before, "the journal changed") }
    do {
      _ = try run(csv, type: type, options: options, into: f, streamAbove: streamAbove)
    } catch let error as ServiceError {
      return error
    }
    Issue.record("accepted: \(csv)")
    return ServiceError(.badInput, "accepted")
  }

  func based() throws -> LedgerFixture {
    let f = try LedgerFixture()
    try f.ledger().append(Base.events(f))
    return f
  }

  func data(_ f: LedgerFixture, from seq: UInt64) throws -> [String] {
    try f.records().filter { $0.seq >= seq }.map { String(decoding: $0.dataBytes, as: UTF8.self) }
  }

  @Test func numbersGroupedBySpacesNoBreakSpacesAndNarrowNoBreakSpaces() throws {
    let f = try based()
    let csv = """
      date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV
      2022-09-30;ems-1;1 250;1\u{00A0}000;3;1
      2022-10-31;ems-1;12\u{202F}500;0;3;1
      """
    let report = try run(csv, into: f)
    #expect(report.imported == 2)
    let seq = try #require(report.seqs?.lowerBound)
    let values = try f.records().filter { $0.seq >= seq }.map {
      ProcurementInsertionHoursReported.View(JSONObjectView($0.dataBytes)).insertionHours
    }
    #expect(values == [1250, 12500])
    #expect(try data(f, from: seq)[0].contains("\"trainingHours\":1000"))
    #expect(CellText.number("1\u{202F}234\u{00A0}567,25", decimal: nil, euros: false) == .success(JSONNumber(literal: "1234567.25")!))
    #expect(CellText.number("426,50 €", decimal: nil, euros: true) == .success(JSONNumber(literal: "426.50")!))
  }

  /// Digits grouped by any of the spaces a spreadsheet writes are read as the digits alone would be,
  /// whatever their count, leading zeros and grouping (the integer fast path against the literal).
  @Test func groupedDigitsReadAsTheirDigits() {
    var rng = Seeded(seed: 0x6209)
    let spaces = [" ", "\t", "\u{00A0}", "\u{202F}"]
    var read = 0
    for _ in 0..<4000 {
      var text = ""
      var digits = ""
      for k in 0..<Int.random(in: 1...22, using: &rng) {
        if k > 0 && Int.random(in: 0..<4, using: &rng) == 0 { text += spaces.randomElement(using: &rng)! }
        let d = String(Int.random(in: 0...9, using: &rng))
        text += d
        digits += d
      }
      let expected = JSONNumber(literal: digits).map { Result<JSONNumber, CellText.Refusal>.success($0) }
      let got = CellText.number(text, decimal: nil, euros: false)
      if let expected {
        #expect(got == expected, "\(text.debugDescription)")
        read += 1
      } else if case .success = got {
        Issue.record("\(text.debugDescription) was read; \(digits) is not a number literal")
      }
    }
    #expect(read > 2000 && read < 4000, "leading zeros are refused, the rest read: \(read)")
    #expect(CellText.number("12 345", decimal: nil, euros: false) == .success(JSONNumber(12345)))
    #expect(CellText.number("123456789012345678901", decimal: nil, euros: false) == .success(JSONNumber(literal: "123456789012345678901")!))
  }

  @Test func anAmbiguousNumberIsRefusedUnlessDecimalSaysWhichMarkIsTheDecimalOne() throws {
    for text in ["1.234,5", "1,234.5", "1.234.567", "1,234,567"] {
      guard case .failure(let why) = CellText.number(text, decimal: nil, euros: true) else {
        Issue.record("\(text) was read")
        continue
      }
      #expect(why.expected.contains("ambiguous") && why.expected.contains("--decimal"))
    }
    #expect(CellText.number("1.234,5", decimal: .comma, euros: true) == .success(JSONNumber(literal: "1234.5")!))
    #expect(CellText.number("1,234.5", decimal: .point, euros: true) == .success(JSONNumber(literal: "1234.5")!))
    #expect(CellText.number("1.234.567", decimal: .comma, euros: false) == .success(JSONNumber(literal: "1234567")!))
    #expect(CellText.number("12,5", decimal: nil, euros: false) == .success(JSONNumber(literal: "12.5")!))
    #expect(CellText.number("12.5", decimal: nil, euros: false) == .success(JSONNumber(literal: "12.5")!))

    let f = try based()
    let csv = """
      date;identifiant de la campagne;type de contributeur;identifiant du contributeur;montant (€)
      2022-05-02;jardin;company;ent-1;1.234,5
      """
    let error = try refusal(csv, type: "okote.pledge-made", into: f)
    #expect(error.description.hasPrefix("Row 2, column 'montant (€)': "))
    #expect(error.location.field == "amountEUR" && error.message.contains("--decimal comma"))
    var options = TableImport.Options(author: "l.weber")
    options.decimal = .comma
    let report = try run(csv, type: "okote.pledge-made", options: options, into: f)
    #expect(
      try data(f, from: try #require(report.seqs?.lowerBound)) == [
        #"{"amountEUR":1234.5,"campaignId":"jardin","contributorId":"ent-1","contributorKind":"company"}"#
      ])
  }

  @Test func datesInTheirThreeFormsAndNeverMonthFirst() throws {
    #expect(CellText.date("2022-09-30", dateTime: false) == .success("2022-09-30"))
    #expect(CellText.date("2022/09/30", dateTime: false) == .success("2022-09-30"))
    #expect(CellText.date("30/09/2022", dateTime: false) == .success("2022-09-30"))
    #expect(CellText.date("5/9/2022", dateTime: false) == .success("2022-09-05"))
    for (text, words) in [
      ("13/13/2022", "no month 13"), ("02/30/2022", "no month 30"), ("31/02/2022", "no day 31"), ("2022-9-30", "AAAA-MM-JJ"),
      ("30.09.2022", "JJ/MM/AAAA"),
    ] {
      guard case .failure(let why) = CellText.date(text, dateTime: false) else {
        Issue.record("\(text) was read")
        continue
      }
      #expect(why.expected.contains(words), "\(text): \(why.expected)")
    }
    #expect(CellText.date("2022-09-30T18:00:00+02:00", dateTime: true) == .success("2022-09-30T18:00:00+02:00"))

    let f = try based()
    let rows = """
      date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV
      2022-09-30;ems-1;10;0;1;0
      2022/10/31;ems-1;10;0;1;0
      30/11/2022;ems-1;10;0;1;0
      """
    let report = try run(rows, into: f)
    let dates = try f.records().filter { $0.seq >= report.seqs!.lowerBound }.map(\.occurredOn)
    #expect(dates == ["2022-09-30", "2022-10-31", "2022-11-30"])
    let error = try refusal(rows + "\n13/13/2022;ems-1;10;0;1;0", into: f)
    #expect(error.description.hasPrefix("Row 5, column 'date': ") && error.message.contains("no month 13"))
  }

  @Test func anIdentifierASpreadsheetTurnedIntoANumberIsRefusedWithThatExplanation() throws {
    let f = try based()
    let csv = """
      date;identifiant du membre;nom;forme juridique;SIREN
      2023-02-01;regie;Régie des écrivains;association;216704825.0
      """
    let error = try refusal(csv, type: "pole.member-joined", into: f)
    #expect(error.description.hasPrefix("Row 2, column 'SIREN': "))
    #expect(error.message.contains("spreadsheet") && error.message.contains("format the column as text"))
    // A spreadsheet's number cell in an identifier column, the same.
    let table = SheetTable(
      header: ["date", "memberId", "name", "legalForm", "siren"],
      rows: [
        .init(number: 2, cells: [.date("2023-02-01"), .text("regie"), .text("Régie"), .text("association"), .number("2.16704825E+8")])
      ])
    let (converted, _) = TableImport.convert(
      table, type: PoleMemberJoined.self, options: .init(author: "l.weber"))
    #expect(converted.events.isEmpty)
    #expect(converted.problems.map(\.location.place) == ["Row 2, column 'siren'"])
    #expect(converted.problems.first?.message.contains("number a spreadsheet made of the identifier") == true)
    // A SIREN typed by an admin is held to its checksum.
    let luhn = try refusal(csv.replacingOccurrences(of: "216704825.0", with: "216 704 826"), type: "pole.member-joined", into: f)
    #expect(luhn.message.contains("Luhn") && luhn.location.field == "siren")
  }

  @Test func spreadsheetCellsAreTakenAsTheyAreTyped() throws {
    let table = SheetTable(
      header: ["date", "contractId", "insertionHours", "trainingHours", "beneficiaries", "beneficiariesInQPV"],
      rows: [
        .init(number: 2, cells: [.date("2022-09-30"), .text("ems-1"), .number("1250"), .number("0"), .number("3"), .empty])
      ])
    let (converted, _) = TableImport.convert(table, type: ProcurementInsertionHoursReported.self, options: .init(author: "a"))
    #expect(converted.problems.isEmpty)
    #expect(converted.events.first?.occurredOn == "2022-09-30")
    #expect(converted.events.first?.data == ["contractId": "ems-1", "insertionHours": 1250, "trainingHours": 0, "beneficiaries": 3])
  }

  @Test func headersInFrenchLabelsOrFieldNamesWhateverTheCaseAccentsAndSpaces() throws {
    let f = try based()
    let csv = """
      Date ; Identifiant du Marche;HEURES D’INSERTION;trainingHours;Beneficiaires;  bénéficiaires   en qpv ;Source;Auteur
      2022-09-30;ems-1;100;10;2;1;rapport 2022;m.klein
      """
    let report = try run(csv, options: .init(), into: f)
    let record = try #require(try f.records().last)
    #expect(report.imported == 1 && record.author == "m.klein" && record.source == "rapport 2022")
    #expect(String(decoding: record.dataBytes, as: UTF8.self).contains("\"beneficiariesInQPV\":1"))
  }

  @Test func anUnknownColumnIsRefusedNamingTheClosestField() throws {
    let f = try based()
    let error = try refusal(
      "date;identifiant du marché;heures insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\n2022-09-30;ems-1;1;0;1;0",
      into: f)
    #expect(error.message.contains("Unknown column 'heures insertion'"))
    #expect(error.message.contains("did you mean 'heures d'insertion' (insertionHours)?"))
    #expect(error.location.place == "Header, column 3")
    let twice = try refusal(
      "date;contractId;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\n", into: f)
    #expect(twice.message.contains("gives contractId again"))
    let missing = try refusal("date;identifiant du marché;heures d'insertion\n2022-09-30;ems-1;1", into: f)
    #expect(missing.message.contains("required field trainingHours") && missing.message.contains("'heures de formation'"))
    let noDate = try refusal(
      "identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\nems-1;1;0;1;0", into: f)
    #expect(noDate.message.contains("no 'date' column") && noDate.message.contains("--occurred-on"))
    var options = TableImport.Options(author: "l.weber")
    options.occurredOn = "2022-09-30"
    #expect(
      try run(
        "identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\nems-1;1;0;1;0", options: options,
        into: f
      ).imported == 1)
  }

  /// Both paths: the events held whole (``Importer/run(_:into:dryRun:)``), and a part at a time (a large table's).
  static let paths = [TableImport.streamAbove, 0]

  @Test(arguments: paths)
  func aDryRunListsEveryProblemOfEveryRowByRowAndColumn(streamAbove: Int) throws {
    let f = try based()
    let before = try f.snapshot()
    let csv = """
      date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV
      2022-09-30;ems-1;100;10;2;1
      2022-09-30;ems-1;douze;1.234,5;2;1
      13/13/2022;ems-1;100;10;2
      2022-09-30;ems-1;100;200;2;1
      2022-09-30;inconnu;100;10;2;1
      2022-09-30;ems-1;100;10;2;1
      """
    let report = try run(csv, into: f, dryRun: true, streamAbove: streamAbove)
    #expect(report.streamed == (streamAbove == 0))
    let places = report.problems.map { $0.location.place ?? "" }
    #expect(
      places == [
        "Row 3, column 'heures d'insertion'", "Row 3, column 'heures de formation'", "Row 4", "Row 5, column 'heures de formation'",
        "Row 6",
      ], "\(report.problems.map(\.description))")
    #expect(report.problems.map(\.location.line) == [3, 3, 4, 5, 6])
    #expect(report.problems[1].message.contains("--decimal"))
    #expect(report.problems[2].message.contains("has 5 cell(s) but the header has 6"))
    #expect(report.problems[3].message.contains("at most insertionHours"))
    #expect(report.problems[4].message.contains("inconnu"))
    #expect(report.lines == 6)
    #expect(try f.snapshot() == before)
  }

  @Test(arguments: paths)
  func aFilledTemplateGivesTheSameEventsAsTheEquivalentJSONLinesImport(streamAbove: Int) throws {
    var csv = try Templates.csvFR(type: Self.hours)
    csv += Array("30/09/2022;ems-1;1 250;120;4;2\r\n2022-12-31;ems-1;980;0;3;0\r\n".utf8)
    let viaCSV = try based()
    let read = try CSVReader.read(csv)
    var options = TableImport.Options(author: "l.weber")
    options.source = "rapport SPASER 2022"
    let report = try TableImport.run(
      read.table, type: ProcurementInsertionHoursReported.self, options: options, into: viaCSV.ledger(), dryRun: false,
      streamAbove: streamAbove)
    #expect(report.imported == 2)
    let viaJSONL = try based()
    let lines = """
      {"type":"procurement.insertion-hours-reported","occurredOn":"2022-09-30","author":"l.weber","source":"rapport SPASER 2022","data":{"contractId":"ems-1","insertionHours":1250,"trainingHours":120,"beneficiaries":4,"beneficiariesInQPV":2}}
      {"type":"procurement.insertion-hours-reported","occurredOn":"2022-12-31","author":"l.weber","source":"rapport SPASER 2022","data":{"contractId":"ems-1","insertionHours":980,"trainingHours":0,"beneficiaries":3,"beneficiariesInQPV":0}}

      """
    _ = try Importer.run(Array(lines.utf8), into: viaJSONL.ledger(), dryRun: false)
    func facts(_ f: LedgerFixture) throws -> [String] {
      try f.records().map {
        "\($0.seq) \($0.type) v\($0.version) \($0.occurredOn) \($0.author) \($0.source ?? "-") \($0.recordedAt) "
          + String(decoding: $0.dataBytes, as: UTF8.self)
      }
    }
    #expect(try facts(viaCSV) == facts(viaJSONL))
    #expect(try viaCSV.records().count == Base.events(viaCSV).count + 2)
  }

  @Test func aLargeTableIsRefusedWholeAtItsFirstProblemWhenStreamed() throws {
    let f = try based()
    let csv = """
      date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV
      2022-09-30;ems-1;100;10;2;1
      2022-09-30;ems-1;100;200;2;1
      2022-09-30;ems-1;douze;10;2;1
      """
    let error = try refusal(csv, into: f, streamAbove: 0)
    #expect(error.description.hasPrefix("Row 3, column 'heures de formation': "), "\(error)")
    let integrity = try refusal(
      "date;identifiant du marché;heures d'insertion;heures de formation;bénéficiaires;bénéficiaires en QPV\n2022-09-30;autre;1;0;1;0",
      into: f, streamAbove: 0)
    #expect(integrity.location.line == 2 && integrity.description.hasPrefix("Row 2"), "\(integrity)")
  }

  @Test func aTableWithoutRowsIsRefused() throws {
    let f = try based()
    let error = try refusal(String(decoding: try Templates.csvFR(type: Self.hours), as: UTF8.self), into: f)
    #expect(error.message.contains("no rows"))
  }
}
