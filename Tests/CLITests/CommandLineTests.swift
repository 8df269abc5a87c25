import Foundation
import TestSupport
import Testing

/// What users type besides the commands' own options.
@Suite("Command line", .serialized)
struct CommandLineTests {
  static let journal: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ess-cli-\(UUID().uuidString)").path
    let ess = Tools.built("ess")!
    _ = try? Tools.run(ess, ["demo", path])
    return path
  }()

  @Test(arguments: [["bilan", "2022"], ["history", "procurement.insertion_hours", "--year", "2022"], ["verify"], ["stats"]])
  func theJournalMayBeNamedBeforeTheCommand(_ command: [String]) throws {
    let ess = try #require(Tools.built("ess"))
    let after = try Tools.run(ess, command + ["--journal", Self.journal], environment: ["ESS_JOURNAL": nil])
    let before = try Tools.run(ess, ["--journal", Self.journal] + command, environment: ["ESS_JOURNAL": nil])
    let equals = try Tools.run(ess, ["--journal=\(Self.journal)"] + command, environment: ["ESS_JOURNAL": nil])
    #expect(after.status == 0, "\(command): \(after.stderr)")
    #expect(before.status == 0, "\(command): \(before.stderr)")
    #expect(before.stdout == after.stdout && equals.stdout == after.stdout)
  }

  @Test func typesSpeakFrenchWhenAsked() throws {
    let ess = try #require(Tools.built("ess"))
    let list = try Tools.run(ess, ["types", "--lang", "fr"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("Types d'événements") && list.stdout.contains("Une campagne Okoté se clôt, financée ou non."))
    let one = try Tools.run(ess, ["types", "okote.pledge-made", "--lang", "fr"])
    #expect(one.stdout.contains("Champs") && one.stdout.contains("Le montant promis, en euros.") && one.stdout.contains("euros (> 0"))
    #expect(!one.stdout.contains("The amount pledged"))
  }

  @Test func theFrenchBilanSpeaksFrenchThroughout() throws {
    let ess = try #require(Tools.built("ess"))
    let fr = try Tools.run(ess, ["bilan", "2022", "--journal", Self.journal])
    #expect(fr.status == 0)
    // Milestone kinds and reported figures in words, not raw slugs or English kinds.
    #expect(fr.stdout.contains("(autre)") && !fr.stdout.contains("(other)"))
    #expect(fr.stdout.contains("Participants à la manifestation — L'économie sociale, le futur de l'Europe"))
    #expect(!fr.stdout.contains("manifestation.attendees"))
  }

  @Test func theHTMLTemplateCanBeReplaced() throws {
    let ess = try #require(Tools.built("ess"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ess-template-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "<h1>{{title}}</h1>{{#headline}}<p data-key=\"{{key}}\">{{value}}</p>{{/headline}}{{#charts}}{{{svg}}}{{/charts}}\n".write(
      toFile: dir + "/mine.mustache", atomically: true, encoding: .utf8)
    let page = try Tools.run(ess, ["bilan", "2022", "--format", "html", "--template", dir + "/mine.mustache", "--journal", Self.journal])
    #expect(page.status == 0)
    #expect(page.stdout.hasPrefix("<h1>Bilan 2022 de l&#39;économie sociale et solidaire — Strasbourg</h1>"))
    #expect(page.stdout.contains("<p data-key=\"procurement.insertion_hours\">483 442 h</p>"))
    #expect(page.stdout.components(separatedBy: "<svg ").count - 1 == 5)
    try "{{#headline}}unclosed".write(toFile: dir + "/bad.mustache", atomically: true, encoding: .utf8)
    let bad = try Tools.run(ess, ["bilan", "2022", "--format", "html", "--template", dir + "/bad.mustache", "--journal", Self.journal])
    #expect(bad.status == 2 && bad.stderr.hasPrefix("ess: The template \(dir)/bad.mustache is not a valid Mustache template"))
    let text = try Tools.run(ess, ["bilan", "2022", "--template", dir + "/mine.mustache", "--journal", Self.journal])
    #expect(text.status == 2 && text.stderr.contains("--template is for --format html or pdf"))
  }

  @Test func aMissingJournalSaysHowToCreateOne() throws {
    let ess = try #require(Tools.built("ess"))
    let r = try Tools.run(ess, ["--journal", "/nonexistent/j", "bilan", "2022"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("ess: There is no journal at /nonexistent/j. Create one with 'ess init --journal /nonexistent/j'"))
  }
}
