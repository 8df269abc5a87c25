import Glibc

/// A DECP v2 JSON file of `records` contracts (FORMATS.md §1), and the SIRENE
/// extract that gives every awardee's flags, for `ess import --from decp`:
/// every record valid and mapped (half the Ville's, half the Eurométropole's),
/// awardees drawn among 2 000 establishments whose SIREN and SIRET pass their
/// checksums (no warning). Record `i` depends only on (seed, i).
struct DECPHistory {
  let seed: UInt64
  let records: Int

  static let awardeeCount = 2000
  static let buyers = ["21670482500019", "24670048800017"]
  static let works = [
    "Entretien des espaces verts", "Collecte des encombrants", "Nettoyage des locaux", "Second œuvre bâtiment",
    "Restauration scolaire", "Réemploi du mobilier",
  ]
  static let social = ["Clause sociale", "Critère social", "Pas de considération sociale"]
  static let environmental = ["Clause environnementale", "Critère environnemental", "Pas de considération environnementale"]

  /// Appends the check digit that makes `digits` pass the Luhn checksum (SIREN and SIRET).
  static func withLuhn(_ digits: String) -> String {
    for d in 0...9 {
      let s = digits + String(d)
      var total = 0
      for (i, c) in s.utf8.reversed().enumerated() {
        let x = Int(c - 48) * (i % 2 == 1 ? 2 : 1)
        total += x > 9 ? x - 9 : x
      }
      if total % 10 == 0 { return s }
    }
    return digits + "0"
  }

  /// Awardee `k`'s SIRET: a valid SIREN (8 digits and its check digit), NIC 0000 and its check digit.
  static func siret(_ k: Int) -> String {
    let base = String(10_000_000 + k * 7919)
    return withLuhn(withLuhn(base) + "0000")
  }

  /// Writes the SIRENE extract of every awardee.
  func writeSirene(_ path: String) {
    var out = Array(
      "siren,siret,denominationUniteLegale,economieSocialeSolidaireUniteLegale,categorieEntreprise,codeCommuneEtablissement\n".utf8)
    for k in 0..<Self.awardeeCount {
      let s = Self.siret(k)
      let ess = k % 3 == 0 ? "O" : "N"
      let category = k % 4 == 0 ? "ETI" : "PME"
      let commune = k % 5 == 0 ? "68224" : "67482"
      out += "\(s.prefix(9)),\(s),Entreprise solidaire \(k),\(ess),\(category),\(commune)\n".utf8
    }
    System.writeFile(path, out)
  }

  /// Writes the DECP file, 1 MiB at a time.
  func write(_ path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { System.fail("cannot create \(path)") }
    defer { close(fd) }
    var buffer = Array("{\"marches\":{\"marche\":[\n".utf8)
    buffer.reserveCapacity((1 << 20) + 4096)
    for i in 0..<records {
      if i > 0 { buffer += ",\n".utf8 }
      appendRecord(i, to: &buffer)
      if buffer.count >= 1 << 20 {
        System.writeAll(fd, buffer[...], path)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    buffer += "]}}\n".utf8
    System.writeAll(fd, buffer[...], path)
  }

  /// Record `i`, in the schema's shape (list items wrapped once more).
  func appendRecord(_ i: Int, to out: inout [UInt8]) {
    var r = SplitMix64(seed: seed ^ 0xDEC9_DEC9_0000_0000 ^ (UInt64(i) &* 0xE703_7ED1_A0B4_28DB))
    _ = r.next()
    let cents = 4_000_000 + r.below(90_000_000)
    let awardee = Self.siret(r.below(Self.awardeeCount))
    let social = r.pick(Self.social)
    let environmental = r.pick(Self.environmental)
    let month = 1 + i % 12
    let day = 1 + (i / 12) % 28
    let id = String(i, radix: 36)
    out +=
      """
      {"id":"D\(id)","acheteur":{"id":"\(Self.buyers[i % 2])"},"nature":"Marché","objet":"\(r.pick(Self.works)), lot \(1 + r.below(9)) (n°\(i))",\
      "codeCPV":"77313000","techniques":{"technique":["Sans objet"]},"modalitesExecution":{"modaliteExecution":["Sans objet"]},\
      "marcheInnovant":\(r.below(10) == 0),"ccag":"Fournitures courantes et services","offresRecues":\(1 + r.below(8)),\
      "attributionAvance":false,"typeGroupementOperateurs":"Pas de groupement","procedure":"Appel d'offres ouvert",\
      "lieuExecution":{"code":"67482","typeCode":"Code commune"},"dureeMois":\(6 + r.below(43)),\
      "dateNotification":"2024-\(Generator.two(month))-\(Generator.two(day))","datePublicationDonnees":"2024-12-20",\
      "montant":\(cents / 100).\(Generator.two(cents % 100)),"typesPrix":{"typePrix":["Définitif ferme"]},"formePrix":"Forfaitaire",\
      "sousTraitanceDeclaree":false,"titulaires":[{"titulaire":{"typeIdentifiant":"SIRET","id":"\(awardee)"}}],\
      "considerationsSociales":{"considerationSociale":["\(social)"]},\
      "considerationsEnvironnementales":{"considerationEnvironnementale":["\(environmental)"]}}
      """.utf8
  }
}
