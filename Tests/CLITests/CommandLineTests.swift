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

  @Test func aMissingJournalSaysHowToCreateOne() throws {
    let ess = try #require(Tools.built("ess"))
    let r = try Tools.run(ess, ["--journal", "/nonexistent/j", "bilan", "2022"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("ess: There is no journal at /nonexistent/j. Create one with 'ess init --journal /nonexistent/j'"))
  }
}
