import Foundation
import TestSupport
import Testing

/// `--format csv` (open data) and `--format csv-fr` (spreadsheets in French) of `ess bilan`, `ess series`, `ess log`
/// and `ess export`, and `ess bilan Y1..Y2 --long [--datapackage DIR]`, as bytes on standard output and on disk.
@Suite("CSV dialects on the command line", .serialized)
struct CSVCommandTests {
  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The demo journal, made once.
  static let demo: (ess: String, journal: String)? = {
    guard let ess = Tools.built("ess") else { return nil }
    let journal = FileManager.default.temporaryDirectory.path + "/ess-csv-cli-" + UUID().uuidString.prefix(8)
    guard (try? run(ess, ["demo", journal]))?.status == 0 else { return nil }
    return (ess, journal)
  }()

  static func run(_ ess: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try Tools.run(ess, arguments, environment: ["ESS_JOURNAL": nil, "COLUMNS": "160"])
  }

  /// `ess ARGS --journal demo`: its standard output, after checking it succeeded.
  func output(_ arguments: [String]) throws -> String {
    let (ess, journal) = try #require(Self.demo, "ess or its demo journal is missing")
    let r = try Self.run(ess, arguments + ["--journal", journal])
    try #require(r.status == 0, "ess \(arguments.joined(separator: " ")): \(r.stderr)")
    return r.stdout
  }

  /// Every line ends with CRLF (the last one too), and no line break is bare.
  func expectCRLF(_ text: String, _ what: String) {
    let bytes = Array(text.utf8)
    #expect(bytes.suffix(2) == [13, 10], "\(what): the last line does not end with CRLF")
    for (i, b) in bytes.enumerated() where b == 10 {
      #expect(i > 0 && bytes[i - 1] == 13, "\(what): a bare LF at byte \(i)")
      if !(i > 0 && bytes[i - 1] == 13) { break }
    }
  }

  @Test func theBilanInBothDialects() throws {
    let open = try output(["bilan", "2022", "--format", "csv"])
    let fr = try output(["bilan", "2022", "--format", "csv-fr"])
    #expect(!Array(open.utf8).starts(with: Self.bom))
    #expect(Array(fr.utf8).starts(with: Self.bom))
    expectCRLF(open, "csv")
    expectCRLF(fr, "csv-fr")
    #expect(open.hasPrefix("key,label,value,unit,"))
    #expect(fr.dropFirst().hasPrefix("key;label;value;unit;"))
    // The same figure: a dot in one, a comma in the other, never grouped.
    let line = { (text: String, separator: Character) in
      text.split(separator: "\r\n").first { $0.hasPrefix("books.donated_eur" + String(separator)) }?.split(separator: separator).map(
        String.init)
    }
    let a = try #require(line(open, ","))
    let b = try #require(line(fr, ";"))
    #expect(a[2].contains(".") && !a[2].contains(" "))
    #expect(b[2] == a[2].replacing(".", with: ","))
    #expect(a[0...1] == b[0...1])
  }

  @Test func seriesLogAndExportInBothDialects() throws {
    let series = try output(["series", "books.donated_eur", "procurement.social_clause_share", "--format", "csv-fr"])
    #expect(Array(series.utf8).starts(with: Self.bom))
    #expect(series.dropFirst().hasPrefix("year;books.donated_eur;procurement.social_clause_share\r\n"))
    expectCRLF(series, "series csv-fr")
    expectCRLF(try output(["series", "books.donated_eur", "--format", "csv"]), "series csv")
    for (format, start) in [("csv", "seq,id,type,"), ("csv-fr", "\u{FEFF}seq;id;type;")] {
      let log = try output(["log", "--type", "milestone.reached", "--format", format])
      let export = try output(["export", "--type", "milestone.reached", "--format", format])
      #expect(log.hasPrefix(start), "log --format \(format)")
      #expect(log == export, "log and export differ in \(format)")
      expectCRLF(log, "log \(format)")
    }
  }

  @Test func theLongTableAndItsDataPackage() throws {
    let text = try output(["bilan", "2021..2022", "--format", "csv", "--long"])
    expectCRLF(text, "long")
    let rows = text.split(separator: "\r\n").dropFirst()
    #expect(Set(rows.map { $0.prefix(5) }) == ["2021,", "2022,"])
    let one = try output(["bilan", "2022", "--format", "csv", "--long"])
    #expect(one.split(separator: "\r\n").count == rows.filter { $0.hasPrefix("2022,") }.count + 1)
    let (ess, journal) = try #require(Self.demo)
    let folder = FileManager.default.temporaryDirectory.path + "/ess-datapackage-cli-" + UUID().uuidString.prefix(8)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = try Self.run(ess, ["bilan", "2021..2022", "--format", "csv", "--long", "--datapackage", folder, "--journal", journal])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("Wrote \(folder)/bilan-2021-2022.csv"))
    let written = try String(contentsOfFile: folder + "/bilan-2021-2022.csv", encoding: .utf8)
    #expect(written == text)
    #expect(FileManager.default.fileExists(atPath: folder + "/datapackage.json"))
  }
}
