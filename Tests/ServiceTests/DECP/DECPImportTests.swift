import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

@Suite("DECP import")
struct DECPImportTests {
  let options: DECPImport.Options = {
    var o = DECPImport.Options(author: "c.muller")
    o.today = "2024-06-01"
    return o
  }()

  func run(
    _ bytes: [UInt8], _ f: LedgerFixture, facts: DECPFacts? = nil, options: DECPImport.Options? = nil, dryRun: Bool = false
  ) throws -> DECPImport.Report {
    try DECPImport.run(bytes, facts: facts ?? DECPSample.facts(), into: f.ledger(), options: options ?? self.options, dryRun: dryRun)
  }

  func data(_ r: Record) throws -> [String: JSONValue] { try #require(try r.data().objectValue) }

  @Test func nameBasedUUIDsFollowRFC9562() {
    #expect(NameBasedUUID.v5(namespace: NameBasedUUID.dns, name: "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    #expect(NameBasedUUID.v5(namespace: NameBasedUUID.dns, name: "decp.ess.strasbourg.eu") == "3dc7937f-17ce-53f0-84bd-392540530fce")
    #expect(DECPImport.contractId(uid: "21670482500019Lot 3/É") == "decp-21670482500019lot-3--")
  }

  @Test func aV2JSONFileBecomesContractAwardedEvents() throws {
    let f = try LedgerFixture()
    var first = DECPSample()
    first.modifications = 2
    let report = try run(DECPSample.v2JSON([first, .framework], concessions: 1), f)
    #expect(report.version == "DECP v2" && report.syntax == "JSON")
    #expect(report.imported == 2 && report.records == 2 && report.skippedConcessions == 1)
    #expect(report.modifications == 2 && report.recordsWithModifications == 1)
    #expect(report.frameworks.count == 1 && report.frameworks[0].contains("24670048800017EMS-24-3"))
    #expect(report.warnings.isEmpty && report.problems.isEmpty)
    let records = try f.records()
    #expect(records.count == 2)
    #expect(records[0].id == DECPImport.eventID(uid: "216704825000192024-017"))
    #expect(records[0].occurredOn == first.notified && records[0].author == "c.muller")
    let a = try data(records[0])
    #expect(a["contractId"] == "decp-216704825000192024-017")
    #expect(a["buyer"] == "ville" && a["awardee"] == "Jardins de la Montagne Verte")
    #expect(a["amountEUR"] == .number(JSONNumber(literal: first.montant)!))
    #expect(a["socialClause"] == true && a["environmentalClause"] == false)
    #expect(a["awardeeIsESS"] == true && a["awardeeIsSME"] == true && a["awardeeIsLocal"] == true)
    #expect(a["fairTradeClause"] == nil)
    #expect(a["socialConsiderations"] == .array(first.social.map(JSONValue.string)))
    #expect(a["durationMonths"] == 36 && a["cpv"] == "77313000" && a["innovative"] == false)
    #expect(a["awardeeIds"] == [["scheme": "SIRET", "id": "81223113200026"]])
    let b = try data(records[1])
    #expect(b["buyer"] == "eurometropole" && b["awardee"] == "Nettoyage Rhénan, SA")
    #expect(b["socialClause"] == false && b["environmentalClause"] == true)
    #expect(b["awardeeIsESS"] == false && b["awardeeIsSME"] == false && b["awardeeIsLocal"] == false)
    #expect(b["awardeeIds"]?.arrayValue?.count == 2)
  }

  @Test func aLongObjetIsKeptWholeBesideItsShortTitle() throws {
    let f = try LedgerFixture()
    var long = DECPSample()
    long.objet = String(repeating: "Entretien des espaces verts et des arbres d'alignement, ", count: 17)  // 952 characters
    let report = try run(DECPSample.v2JSON([long]), f)
    #expect(report.imported == 1)
    #expect(report.warnings.contains { $0.description.contains("fullTitle the whole text") })
    let d = try data(try #require(try f.records().first))
    let title = try #require(d["title"]?.stringValue)
    #expect(title.count == 200 && title.hasSuffix("…") && long.objet.hasPrefix(String(title.dropLast())))
    #expect(d["fullTitle"] == .string(long.objet.trimmingCharacters(in: .whitespaces)))
  }

  /// Given a document whole, Foundation's parser fails at the end of one over 10 MB: DECP XML is read as a stream.
  @Test func anXMLFileOverTenMegabytesIsRead() throws {
    let one = DECPSample.v2XML([DECPSample()])
    let text = String(decoding: one, as: UTF8.self)
    let open = try #require(text.range(of: "<marche>"))
    let close = try #require(text.range(of: "</marches>"))
    let record = String(text[open.lowerBound..<close.lowerBound])
    let count = 10_500_000 / record.utf8.count + 1
    let big = String(text[..<open.lowerBound]) + String(repeating: record, count: count) + String(text[close.lowerBound...])
    #expect(big.utf8.count > 10_500_000)
    let read = try DECPXML.read(Array(big.utf8))
    #expect(read.marches.count == count && read.marches.allSatisfy { $0.problems.isEmpty })
  }

  @Test func theSameRecordsInJSONAndXMLGiveTheSameEvents() throws {
    var first = DECPSample()
    first.modifications = 1
    let samples = [first, .framework]
    let facts = try DECPSample.facts()
    let json = DECPImport.convert(try DECPDocument.read(DECPSample.v2JSON(samples, concessions: 2)), facts: facts, options: options)
    let xml = DECPImport.convert(try DECPDocument.read(DECPSample.v2XML(samples, concessions: 2)), facts: facts, options: options)
    #expect(xml.1.syntax == "XML" && xml.1.skippedConcessions == 2 && xml.1.modifications == 1)
    #expect(json.0.converted.problems.isEmpty && xml.0.converted.problems.isEmpty, "\(xml.0.converted.problems)")
    #expect(json.0.converted.events.count == 2)
    #expect(json.0.converted.events.map(\.id) == xml.0.converted.events.map(\.id))
    #expect(json.0.converted.events.map(\.canonicalData) == xml.0.converted.events.map(\.canonicalData))
    #expect(json.0.converted.events == xml.0.converted.events)
    // And written to two journals, the lines are the same bytes (same clock).
    let f = try LedgerFixture("json")
    let g = try LedgerFixture("xml")
    _ = try run(DECPSample.v2JSON(samples), f)
    _ = try run(DECPSample.v2XML(samples), g)
    #expect(try f.records().map(\.line) == g.records().map(\.line))
  }

  @Test func aV15RecordWithAnOffsetDateTakesItsClausesFromTheSideFile() throws {
    let v15 = Array(
      """
      {"marches":[{"id":"2019345211200","uid":"216704825000192019345211200","_type":"Marché","acheteur":{"id":"21670482500019","nom":"Ville de Strasbourg"},
        "nature":"Accord-cadre","objet":"Entretien des jardins","codeCPV":"77313000","procedure":"Appel d'offres ouvert",
        "lieuExecution":{"code":"67482","typeCode":"Code commune","nom":"Strasbourg"},"dureeMois":24,
        "dateNotification":"2019-08-13+02:00","datePublicationDonnees":"2019-08-19+02:00","montant":127000,
        "formePrix":"Ferme et actualisable","titulaires":[{"typeIdentifiant":"SIRET","id":"81223113200026","denominationSociale":"Garami SARL"}],
        "modifications":[]},
        {"id":"cc-67","_type":"Contrat de concession","autoriteConcedante":{"id":"21670482500019","nom":"Ville"},"nature":"Concession de travaux"}]}
      """.utf8)
    let f = try LedgerFixture()
    // Without the clauses, refused: v1.5 has no considerations.
    #expect(throws: ServiceError.self) { try run(v15, f) }
    let refused = try run(v15, f, dryRun: true)
    let message = try #require(refused.problems.first).description
    #expect(message.contains("Record 1 (uid 216704825000192019345211200)") && message.contains("socialClause"))
    #expect(message.contains("--side") && message.contains("v1.5"))
    let side = "uid;socialClause;environmentalClause;fairTradeClause\n216704825000192019345211200;oui;non;non\n"
    let report = try run(v15, f, facts: DECPSample.facts(side: side))
    #expect(report.version == "DECP v1.5" && report.imported == 1 && report.skippedConcessions == 1 && report.frameworks.count == 1)
    let r = try #require(try f.records().first)
    #expect(r.occurredOn == "2019-08-13")
    let d = try data(r)
    #expect(d["awardee"] == "Garami SARL" && d["socialClause"] == true && d["fairTradeClause"] == false)
    #expect(d["socialConsiderations"] == nil)
  }

  @Test func anUnknownEnumerationValueRefusesTheRecordListingTheAllowedOnes() throws {
    let f = try LedgerFixture()
    var bad = DECPSample()
    bad.social = ["Critere social"]
    let before = try f.snapshot()
    let report = try run(DECPSample.v2JSON([DECPSample.framework, bad]), f, dryRun: true)
    #expect(report.problems.count == 1)
    let p = try #require(report.problems.first)
    #expect(p.location.place == "Record 2 (uid 216704825000192024-017)")
    #expect(
      p.message.contains("\"Critere social\"") && p.message.contains("\"Critère social\"") && p.message.contains("\"Marché réservé\""))
    #expect(throws: ServiceError.self) { try run(DECPSample.v2JSON([DECPSample.framework, bad]), f) }
    #expect(try f.snapshot() == before)
  }

  @Test func aLuhnBadBuyerSiretIsAWarningAndTheRecordIsImported() throws {
    let f = try LedgerFixture()
    var s = DECPSample()
    s.buyer = "21670482500018"
    let dry = try run(DECPSample.v2JSON([s]), f, dryRun: true)
    #expect(dry.problems.isEmpty && dry.warnings.count == 1)
    let report = try run(DECPSample.v2JSON([s]), f)
    #expect(report.imported == 1)
    let w = try #require(report.warnings.first)
    #expect(w.location.place == "Record 1 (uid 216704825000182024-017)" && w.message.contains("buyerSiret") && w.message.contains("Luhn"))
    #expect(try data(try #require(try f.records().first))["buyer"] == "ville")
  }

  @Test func aMissingFlagRefusesTheRecordSayingWhereItCanComeFrom() throws {
    let f = try LedgerFixture()
    let before = try f.snapshot()
    let noSirene = try DECPSample.facts(sirene: nil)
    let report = try run(DECPSample.v2JSON([DECPSample()]), f, facts: noSirene, dryRun: true)
    let p = try #require(report.problems.first)
    #expect(p.message.contains("awardeeIsESS, awardeeIsSME and awardeeIsLocal are missing"))
    #expect(p.message.contains("--sirene") && p.message.contains("81223113200026") && p.message.contains("--side"))
    // A side file giving only one flag: the two others are still missing.
    let side = try DECPSample.facts(sirene: nil, side: "uid,awardeeIsESS\n216704825000192024-017,oui\n")
    let partly = try run(DECPSample.v2JSON([DECPSample()]), f, facts: side, dryRun: true)
    #expect(partly.problems.first?.message.hasPrefix("awardeeIsSME and awardeeIsLocal are missing") == true)
    #expect(throws: ServiceError.self) { try run(DECPSample.v2JSON([DECPSample()]), f, facts: noSirene) }
    #expect(try f.snapshot() == before)
  }

  @Test func aReimportIsANoOp() throws {
    let f = try LedgerFixture()
    let file = DECPSample.v2JSON([DECPSample(), .framework])
    _ = try run(file, f)
    let before = try f.snapshot()
    let again = try run(file, f)
    #expect(again.imported == 0 && again.alreadyPresent == 2 && again.seqs == nil)
    #expect(again.summary(dryRun: false).contains("Nothing new: every contract of the file was already in the journal."))
    // By another admin: the same records, already there.
    var other = options
    other.author = "l.weber"
    let byOther = try run(file, f, options: other)
    #expect(byOther.imported == 0 && byOther.alreadyPresent == 2)
    #expect(try f.snapshot() == before)
  }

  @Test func aRepublishedRecordIsRefusedOrWithAsCorrectionCorrected() throws {
    let f = try LedgerFixture()
    _ = try run(DECPSample.v2JSON([DECPSample(), .framework]), f)
    var changed = DECPSample()
    changed.montant = "190000"
    changed.published = "2024-05-02"
    let file = DECPSample.v2JSON([changed, .framework])
    let before = try f.snapshot()
    do {
      _ = try run(file, f)
      Issue.record("a changed record was accepted")
    } catch let error as ServiceError {
      #expect(error.code == .conflictingID && error.location.place == "Record 1 (uid 216704825000192024-017)")
      #expect(error.message.contains("seq 1") && error.message.contains("amountEUR") && error.message.contains("--as-correction"))
    }
    #expect(try f.snapshot() == before)
    var correcting = options
    correcting.asCorrection = true
    let report = try run(file, f, options: correcting)
    #expect(report.corrected == 1 && report.imported == 0 && report.alreadyPresent == 1)
    let records = try f.records()
    #expect(records.count == 3)
    let correction = records[2]
    #expect(correction.type == "event.corrected" && correction.reason == "DECP republiée le 2024-05-02")
    #expect(correction.occurredOn == "2024-06-01")
    let d = try data(correction)
    #expect(d["target"] == 1 && d["data"]?["amountEUR"] == 190000)
    // Once corrected, the same file again is nothing new.
    let again = try run(file, f, options: correcting)
    #expect(again.corrected == 0 && again.alreadyPresent == 2 && again.seqs == nil)
    #expect(try f.records().count == 3)
  }

  @Test func garbageGetsOneClearMessagePerRecordAndNothingIsWritten() throws {
    let f = try LedgerFixture()
    _ = try run(DECPSample.v2JSON([DECPSample.framework]), f)
    var nc = DECPSample()
    nc.duree = "\"NC\""
    var huge = DECPSample()
    huge.id = "2024-018"
    huge.montant = "1.0e17"
    let listBuyer = DECPSample.framework.json.replacingOccurrences(
      of: #""acheteur":{"id":"24670048800017"}"#, with: #""acheteur":[{"id":"24670048800017"}]"#)
    let noId = DECPSample().json.replacingOccurrences(of: #""id":"2024-017","#, with: "")
    let file =
      Array(#"{"marches":{"marche":["#.utf8) + Array([nc.json, listBuyer, huge.json, noId].joined(separator: ",").utf8) + Array("]}}".utf8)
    let before = try f.snapshot()
    let report = try run(file, f, dryRun: true)
    #expect(report.problems.count == 4)
    let messages = report.problems.map(\.description)
    #expect(
      messages[0].hasPrefix("Record 1 (uid 216704825000192024-017): 'dureeMois' must be a whole number") && messages[0].contains("\"NC\""))
    #expect(messages[1].hasPrefix("Record 2: 'acheteur' must be an object") && messages[1].contains("got a list"))
    #expect(messages[2].hasPrefix("Record 3 (uid 216704825000192024-018): 'montant' 100000000000000000 is too large"))
    #expect(messages[3].hasPrefix("Record 4: 'id' is missing"))
    #expect(throws: ServiceError.self) { try run(file, f) }
    #expect(try f.snapshot() == before)
  }

  @Test func buyersAreTheVilleAndTheEurometropoleUnlessMapped() throws {
    let f = try LedgerFixture()
    var paris = DECPSample()
    paris.buyer = "21750001600019"
    let refused = try run(DECPSample.v2JSON([paris]), f, dryRun: true)
    #expect(refused.problems.first?.message.contains("SIREN 217500016") == true)
    #expect(refused.problems.first?.message.contains("--buyer-map 217500016=skip") == true)
    var skipping = options
    skipping.buyerMap = ["217500016": .skip]
    let skipped = try run(DECPSample.v2JSON([paris, .framework]), f, options: skipping)
    #expect(skipped.imported == 1 && skipped.skippedBuyers == ["217500016": 1])
    var defence = DECPSample()
    defence.nature = "Marché de défense ou de sécurité"
    #expect(try run(DECPSample.v2JSON([defence]), f).skippedDefence == 1)
    #expect(DECPImport.buyerMapping("217500016=eurometropole")?.choice == .buyer(.eurometropole))
    #expect(DECPImport.buyerMapping("21750001=ville") == nil && DECPImport.buyerMapping("217500016=paris") == nil)
  }

  @Test func twoUidsThatFoldToOneContractIdAreRefused() throws {
    let f = try LedgerFixture()
    var a = DECPSample()
    a.id = "LOT-1"
    var b = DECPSample()
    b.id = "lot 1"
    let report = try run(DECPSample.v2JSON([a, b]), f, dryRun: true)
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.description.hasPrefix("Record 2 (uid 21670482500019lot 1): its uid and that of Record 1") == true)
  }
}
