import Foundation
import TestSupport
import Testing

/// `ess bilan|series --format xlsx|ods -o FILE` and `ess template TYPE --format xlsx|ods -o FILE` write ZIP
/// packages (the cells themselves are checked in ServiceTests' spreadsheet suites, and in LibreOffice).
@Suite("Spreadsheet commands", .serialized)
struct SpreadsheetCommandTests {
  static let folder: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ess-sheets-\(UUID().uuidString)").path
    _ = try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// The bundled history, once for the suite.
  static let journal: String = {
    let path = folder + "/journal"
    _ = try? Tools.run(Tools.built("ess")!, ["demo", path])
    return path
  }()

  @Test(arguments: [
    (["bilan", "2022", "--format", "xlsx"], "XLSX"), (["bilan", "2022", "--format", "ods", "--lang", "en"], "ODS"),
    (["series", "procurement.insertion_hours", "okote.amount_eur", "--format", "xlsx"], "XLSX"),
    (["series", "books.collected_total", "--format", "ods"], "ODS"),
    (["template", "procurement.insertion-hours-reported", "--format", "xlsx"], "XLSX"),
    (["template", "pole.member-joined", "--format", "ods"], "ODS"),
  ])
  func aSpreadsheetIsWrittenAndTheSameEachTime(_ command: [String], _ kind: String) throws {
    let ess = try #require(Tools.built("ess"))
    var files: [Data] = []
    for run in 1...2 {
      let file = Self.folder + "/\(command[0])-\(run).\(kind.lowercased())"
      let journal = command[0] == "template" ? [] : ["--journal", Self.journal]
      let r = try Tools.run(ess, command + ["-o", file] + journal)
      #expect(r.status == 0, "\(command): \(r.stderr)")
      #expect(r.stdout.hasPrefix("Wrote \(file) (\(kind)"))
      files.append(try Data(contentsOf: URL(fileURLWithPath: file)))
    }
    #expect(files[0].prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    #expect(files[0] == files[1], "\(command): two runs wrote different bytes")
    if kind == "ODS" { #expect(String(decoding: files[0][30..<38], as: UTF8.self) == "mimetype") }
  }
}
