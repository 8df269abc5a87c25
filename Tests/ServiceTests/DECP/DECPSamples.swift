import Foundation

@testable import Journal
@testable import Service

/// DECP records written for the tests from the published schemas (v2.0.3 JSON, v2.0.2 XSD, 1.5.0 JSON):
/// one contract described once, written out as v2 JSON or v2 XML.
struct DECPSample {
  var id = "2024-017"
  var buyer = "21670482500019"
  var nature = "Marché"
  var objet = "Entretien des espaces verts, lot 3"
  var cpv = "77313000"
  var techniques = ["Sans objet"]
  var innovative = false
  var procedure = "Appel d'offres ouvert"
  var duree = "36"
  var notified = "2024-03-15"
  var published = "2024-03-20"
  var montant = "184500.5"
  var awardees = [("SIRET", "81223113200026")]
  var social = ["Clause sociale", "Critère social"]
  var environmental = ["Pas de considération environnementale"]
  var modifications = 0

  /// The members, in JSON, in the schema's shape (list items wrapped once more).
  var json: String {
    func list(_ v: [String]) -> String { "[" + v.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
    let titulaires = awardees.map { #"{"titulaire":{"typeIdentifiant":"\#($0.0)","id":"\#($0.1)"}}"# }.joined(separator: ",")
    let mods = (0..<modifications).map {
      #"{"modification":{"id":\#($0 + 1),"dateNotificationModification":"2024-09-01","datePublicationDonneesModification":"2024-09-05","montant":200000}}"#
    }.joined(separator: ",")
    return """
      {"id":"\(id)","acheteur":{"id":"\(buyer)"},"nature":"\(nature)","objet":"\(objet)","codeCPV":"\(cpv)",
       "techniques":{"technique":\(list(techniques))},"modalitesExecution":{"modaliteExecution":["Sans objet"]},
       "marcheInnovant":\(innovative),"ccag":"Fournitures courantes et services","offresRecues":3,"attributionAvance":false,
       "typeGroupementOperateurs":"Pas de groupement","procedure":"\(procedure)",
       "lieuExecution":{"code":"67482","typeCode":"Code commune"},"dureeMois":\(duree),"dateNotification":"\(notified)",
       "datePublicationDonnees":"\(published)","montant":\(montant),"typesPrix":{"typePrix":["Définitif ferme"]},
       "formePrix":"Forfaitaire","sousTraitanceDeclaree":false,"titulaires":[\(titulaires)],
       "considerationsSociales":{"considerationSociale":\(list(social))},
       "considerationsEnvironnementales":{"considerationEnvironnementale":\(list(environmental))}\(mods.isEmpty ? "" : ",\"modifications\":[\(mods)]")}
      """
  }

  /// The same contract in XML, its children in another order than the JSON's, booleans as oui/non.
  var xml: String {
    let titulaires = awardees.map { "<titulaire><id>\($0.1)</id><typeIdentifiant>\($0.0)</typeIdentifiant></titulaire>" }.joined()
    let mods = (0..<modifications).map {
      "<modification><id>\($0 + 1)</id><montant>200000</montant><dateNotificationModification>2024-09-01</dateNotificationModification><datePublicationDonneesModification>2024-09-05</datePublicationDonneesModification></modification>"
    }.joined()
    return """
      <marche>
        <considerationsSociales>\(social.map { "<considerationSociale>\($0)</considerationSociale>" }.joined())</considerationsSociales>
        <montant>\(montant)</montant>
        <titulaires>\(titulaires)</titulaires>
        <id>\(id)</id>
        <objet>\(objet.replacingOccurrences(of: "&", with: "&amp;"))</objet>
        <acheteur><id>\(buyer)</id></acheteur>
        <nature>\(nature)</nature>
        <codeCPV>\(cpv)</codeCPV>
        <techniques>\(techniques.map { "<technique>\($0)</technique>" }.joined())</techniques>
        <modalitesExecution><modaliteExecution>Sans objet</modaliteExecution></modalitesExecution>
        <marcheInnovant>\(innovative ? "oui" : "non")</marcheInnovant>
        <ccag>Fournitures courantes et services</ccag>
        <offresRecues>3</offresRecues>
        <attributionAvance>0</attributionAvance>
        <typeGroupementOperateurs>Pas de groupement</typeGroupementOperateurs>
        <procedure>\(procedure)</procedure>
        <lieuExecution><typeCode>Code commune</typeCode><code>67482</code></lieuExecution>
        <dureeMois>\(duree)</dureeMois>
        <dateNotification>\(notified)</dateNotification>
        <datePublicationDonnees>\(published)</datePublicationDonnees>
        <typesPrix><typePrix>Définitif ferme</typePrix></typesPrix>
        <formePrix>Forfaitaire</formePrix>
        <sousTraitanceDeclaree>false</sousTraitanceDeclaree>
        <considerationsEnvironnementales>\(environmental.map { "<considerationEnvironnementale>\($0)</considerationEnvironnementale>" }.joined())</considerationsEnvironnementales>
        \(mods.isEmpty ? "" : "<modifications>\(mods)</modifications>")
      </marche>
      """
  }

  /// A framework contract of the Eurométropole.
  static var framework: DECPSample {
    var s = DECPSample()
    s.id = "EMS-24-3"
    s.buyer = "24670048800017"
    s.objet = "Nettoyage des locaux & vitrerie"
    s.techniques = ["Accord-cadre"]
    s.montant = "400000"
    s.awardees = [("SIRET", "55204599900026"), ("TVA", "DE814864138")]
    s.social = ["Pas de considération sociale"]
    s.environmental = ["Clause environnementale"]
    s.innovative = true
    return s
  }

  static let concessionJSON =
    #"{"id":"CC-2024-1","autoriteConcedante":{"id":"21670482500019"},"nature":"Concession de service","objet":"Fourrière","procedure":"Procédure négociée ouverte","dureeMois":60,"dateSignature":"2024-02-01","datePublicationDonnees":"2024-02-05","dateDebutExecution":"2024-03-01","valeurGlobale":900000,"montantSubventionPublique":0,"concessionnaires":[{"concessionnaire":{"typeIdentifiant":"SIRET","id":"81223113200026"}}],"considerationsSociales":{"considerationSociale":["Pas de considération sociale"]},"considerationsEnvironnementales":{"considerationEnvironnementale":["Pas de considération environnementale"]}}"#

  static func v2JSON(_ samples: [DECPSample], concessions: Int = 0) -> [UInt8] {
    let cc =
      concessions == 0
      ? "" : #","contrat-concession":["# + Array(repeating: concessionJSON, count: concessions).joined(separator: ",") + "]"
    return Array(#"{"marches":{"marche":["#.utf8) + Array(samples.map(\.json).joined(separator: ",\n").utf8) + Array("]\(cc)}}".utf8)
  }

  static func v2XML(_ samples: [DECPSample], concessions: Int = 0) -> [UInt8] {
    let cc = String(repeating: "<contrat-concession><id>CC-2024-1</id></contrat-concession>\n", count: concessions)
    return Array(
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marches>\n" + samples.map(\.xml).joined(separator: "\n") + cc + "</marches>\n").utf8)
  }

  /// A SIRENE extract for the awardees above.
  static let sirene = Array(
    """
    siren,siret,denominationUniteLegale,economieSocialeSolidaireUniteLegale,categorieEntreprise,codeCommuneEtablissement
    812231132,81223113200026,Jardins de la Montagne Verte,O,PME,67482
    552045999,55204599900026,"Nettoyage Rhénan, SA",N,ETI,68224

    """.utf8)

  static func facts(sirene: [UInt8]? = DECPSample.sirene, side: String? = nil) throws -> DECPFacts {
    var f = DECPFacts()
    if let sirene { try f.readSirene(sirene, name: "sirene.csv") }
    if let side { try f.readSide(Array(side.utf8), name: "side.csv") }
    return f
  }
}
