import Foundation
import TestSupport
import Testing

/// `ess template TYPE --format csv-fr` and `ess import --from csv`: the template's exact bytes
/// (golden files), and a filled template imported through the command line.
@Suite("CSV templates and imports (command line)", .serialized)
struct TableCommandTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  @Test(arguments: ["procurement.insertion-hours-reported", "pole.member-joined"])
  func theTemplateMatchesItsGoldenFile(_ type: String) throws {
    let ess = try #require(Tools.built("ess"))
    let result = try Tools.run(ess, ["template", type, "--format", "csv-fr"])
    #expect(result.status == 0, "\(result.stderr)")
    let file = Self.golden.appendingPathComponent("template-\(type)-csv-fr.txt")
    if ProcessInfo.processInfo.environment["ESS_UPDATE_GOLDEN"] == "1" { try Data(result.stdout.utf8).write(to: file) }
    let expected = try Data(contentsOf: file)
    #expect(Data(result.stdout.utf8) == expected, "output differs from Golden/\(file.lastPathComponent)")
    #expect(expected.starts(with: [0xEF, 0xBB, 0xBF]) && expected.suffix(2) == Data([0x0D, 0x0A]))
    #expect(expected.filter { $0 == 0x0A }.count == 1, "one header line")
  }

  @Test func aFilledTemplateIsImportedThroughTheCommandLine() throws {
    let ess = try #require(Tools.built("ess"))
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-table-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let journal = work.appendingPathComponent("j").path
    let template = work.appendingPathComponent("membres.csv").path
    let env: [String: String?] = ["ESS_JOURNAL": nil, "ESS_AUTHOR": nil]
    #expect(try Tools.run(ess, ["init", "--journal", journal], environment: env).status == 0)
    let wrote = try Tools.run(ess, ["template", "pole.member-joined", "--format", "csv-fr", "-o", template], environment: env)
    #expect(wrote.status == 0 && wrote.stdout.contains("Wrote"), "\(wrote.stderr)")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: template))
    bytes.append(Data("09/11/2021;emmaus-mundo;Emmaüs Mundo;association;Strasbourg;;\r\n".utf8))
    bytes.append(Data("2021-11-09;\"lire-et-faire-lire\";\"Lire; et faire lire\";association;;216 704 825;W671234567\r\n".utf8))
    try bytes.write(to: URL(fileURLWithPath: template))
    let arguments = ["import", template, "--from", "csv", "--type", "pole.member-joined", "--journal", journal]
    let noAuthor = try Tools.run(ess, arguments, environment: env)
    #expect(noAuthor.status == 2 && noAuthor.stderr.contains("--author"), "\(noAuthor.stderr)")
    let dry = try Tools.run(ess, arguments + ["--author", "c.muller", "--dry-run"], environment: env)
    #expect(dry.status == 0 && dry.stdout.contains("Checked 2 row(s): no problem"), "\(dry.stdout) \(dry.stderr)")
    let done = try Tools.run(ess, arguments + ["--author", "c.muller", "--source", "liste 2021"], environment: env)
    #expect(done.status == 0 && done.stdout.contains("Imported 2 event(s) as one commit: seq 1…2"), "\(done.stdout) \(done.stderr)")
    let log = try Tools.run(ess, ["log", "--journal", journal], environment: env)
    #expect(log.stdout.contains(#""memberId":"lire-et-faire-lire","name":"Lire; et faire lire","rna":"W671234567","siren":"216704825""#))
    let lines = log.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      #expect(line.contains(#""occurredOn":"2021-11-09","#) && line.contains(#""author":"c.muller","source":"liste 2021""#), "\(line)")
    }
  }

  @Test func tableOptionsAreRefusedForJSONLinesAndTypeIsRequiredForCSV() throws {
    let ess = try #require(Tools.built("ess"))
    let plain = try Tools.run(ess, ["import", "x.jsonl", "--decimal", "comma"], environment: ["ESS_JOURNAL": nil])
    #expect(plain.status == 2 && plain.stderr.contains("--decimal applies to a table"), "\(plain.stderr)")
    let untyped = try Tools.run(ess, ["import", "x.csv", "--from", "csv"], environment: ["ESS_JOURNAL": nil])
    #expect(untyped.status == 2 && untyped.stderr.contains("--type"), "\(untyped.stderr)")
  }
}
