import Foundation
import TestSupport
import Testing

/// `ess import --from decp` end to end: an XML file with its side file imported, imported again
/// (nothing new), and JSON Lines still the default.
@Suite("DECP import on the command line")
struct DECPCommandTests {
  static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <marches>
      <marche>
        <acheteur><id>24670048800017</id></acheteur>
        <id>EMS-24-9</id>
        <nature>Marché</nature>
        <objet>Collecte des encombrants</objet>
        <techniques><technique>Accord-cadre</technique></techniques>
        <marcheInnovant>1</marcheInnovant>
        <dateNotification>2024-04-02</dateNotification>
        <datePublicationDonnees>2024-04-10</datePublicationDonnees>
        <montant>96000</montant>
        <titulaires><titulaire><typeIdentifiant>TVA</typeIdentifiant><id>DE814864138</id></titulaire></titulaires>
        <considerationsSociales><considerationSociale>Marché réservé</considerationSociale></considerationsSociales>
        <considerationsEnvironnementales><considerationEnvironnementale>Critère environnemental</considerationEnvironnementale></considerationsEnvironnementales>
        <modifications><modification><id>1</id><dateNotificationModification>2024-09-01</dateNotificationModification><datePublicationDonneesModification>2024-09-02</datePublicationDonneesModification><dureeMois>24</dureeMois></modification></modifications>
      </marche>
      <contrat-concession><id>CC-1</id></contrat-concession>
    </marches>
    """

  @Test func anXMLFileIsImportedOnceWithItsSideFile() throws {
    let ess = try #require(Tools.built("ess"))
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-decp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let journal = work.appendingPathComponent("j").path
    let file = work.appendingPathComponent("decp.xml")
    let side = work.appendingPathComponent("side.csv")
    try Data(Self.xml.utf8).write(to: file)
    try Data("uid;awardeeIsESS;awardeeIsSME;awardeeIsLocal\n24670048800017EMS-24-9;oui;oui;non\n".utf8).write(to: side)
    #expect(try Tools.run(ess, ["init", "--journal", journal]).status == 0)
    let arguments = ["import", file.path, "--from", "decp", "--side", side.path, "--author", "c.muller", "--journal", journal]
    let first = try Tools.run(ess, arguments)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Read 1 contract(s) from a DECP v2 XML file."))
    #expect(first.stdout.contains("Imported 1 contract(s) as one commit: seq 1…1"))
    #expect(first.stdout.contains("Skipped: 1 concession(s)."))
    #expect(first.stdout.contains("Amendments (modifications): 1 in 1 contract(s)"))
    #expect(first.stdout.contains("Record 1 (uid 24670048800017EMS-24-9): the amount is an estimated maximum."))
    let again = try Tools.run(ess, arguments)
    #expect(again.status == 0 && again.stdout.contains("Nothing new: every contract of the file was already in the journal."))
    let log = try Tools.run(ess, ["log", "--format", "json", "--journal", journal])
    #expect(log.stdout.contains("\"contractId\":\"decp-24670048800017ems-24-9\"") && log.stdout.contains("\"awardee\":\"DE814864138\""))
    // JSON Lines stays the default, and DECP options are refused with it.
    let mixed = try Tools.run(ess, ["import", file.path, "--side", side.path, "--journal", journal])
    #expect(mixed.status == 2 && mixed.stderr.contains("--from decp"))
  }
}
