import Domain
import Journal

/// One contract (`marche`) of a DECP file, read and checked against its
/// schema, before it is mapped to an event: what ess keeps of it.
struct DECPRecord: Sendable, Equatable {
  /// One holder of the contract (`titulaire`).
  struct Awardee: Sendable, Equatable {
    /// `typeIdentifiant`: SIRET, TVA, TAHITI, RIDET, FRWF, IREP, (UE,) HORS-UE.
    var scheme: String
    var id: String
    /// v1.5 `denominationSociale`.
    var name: String?
  }

  /// How messages name it.
  var place: String
  /// The contract's id (`id`) and its buyer's SIRET (`acheteur.id`): together, the uid.
  var id: String
  var buyerSiret: String
  var uid: String { buyerSiret + id }
  var title: String
  /// `dateNotification` and `datePublicationDonnees`, `AAAA-MM-JJ`.
  var notified: String
  var published: String
  var amount: Euros
  /// A framework contract (accord-cadre): `montant` is an estimated maximum.
  var framework: Bool
  var awardees: [Awardee]
  /// The considerations verbatim (v2 only: v1.5 has none).
  var social: [String]?
  var environmental: [String]?
  var cpv: String?
  var procedure: String?
  var innovative: Bool?
  var durationMonths: Int64?
  /// How many amendments (`modifications`) the record carries (counted, not applied).
  var modifications: Int

  /// What reading one record gives.
  enum Outcome: Sendable {
    case record(DECPRecord)
    /// A "Marché de défense ou de sécurité" (skipped, counted).
    case defence
    /// Its problems, each a sentence; `place` names the record.
    case refused(place: String, problems: [String])
  }

  /// "Record 3 (uid 21670482500019TEST-3)", or "Record 3" when the uid cannot be read.
  static func place(_ number: Int, uid: String?) -> String {
    guard let uid else { return "Record \(number)" }
    return "Record \(number) (uid \(uid.count > 40 ? String(uid.prefix(40)) + "…" : uid))"
  }

  /// Reads the members of one `marche` of a `version` file (XML: `textScalars`).
  static func read(_ members: [String: JSONValue], number: Int, version: DECPVersion, textScalars: Bool) -> Outcome {
    var f = DECPFields(members, textScalars: textScalars)
    let v2 = version == .v2
    let idExpected = "the contract's id, 1 to 16 characters"
    let id = f.text("id", required: true, expected: idExpected)
    if let id, id.count > 16 { f.problems.append("'id' has \(id.count) characters; expected \(idExpected)") }
    var buyer: String? = nil
    let buyerExpected = "an object {\"id\": the buyer's SIRET, 14 digits}"
    if var acheteur = f.object("acheteur", required: true, expected: buyerExpected) {
      buyer = acheteur.text("id", required: true, expected: "the buyer's SIRET, 14 digits")
      if let b = buyer, let rule = siretFormatProblem(b) {
        acheteur.problems.append("'acheteur.id' \(DECPFields.quoted(b)) is not a SIRET: it breaks \(rule)")
        buyer = nil
      }
      f.problems += acheteur.problems
    }
    let uid = id.flatMap { i in buyer.map { $0 + i } }
    let place = place(number, uid: uid)
    let nature = f.choice("nature", v2 ? DECPVocabulary.natureV2 : DECPVocabulary.natureV15, required: true)
    if nature == DECPVocabulary.defence || f.value("_type")?.stringValue == DECPVocabulary.defence { return .defence }

    let title = f.text("objet", required: true, expected: "the contract's object (text)", trim: true)
    var cpv = f.text("codeCPV", required: false, expected: "a CPV code, 8 digits and an optional check digit (45112500 or 45112500-9)")
    if let c = cpv, !isCPV(c) {
      f.wrong("codeCPV", "a CPV code, 8 digits and an optional check digit (45112500 or 45112500-9)", .string(c))
      cpv = nil
    }
    let procedure = f.choice("procedure", v2 ? DECPVocabulary.procedureV2 : DECPVocabulary.procedureV15, required: false)
    let innovative = f.bool("marcheInnovant", required: false)
    let duration = f.integer("dureeMois", minimum: 1, required: false, expected: "a whole number of months, 1 or more")
    let notified = f.date("dateNotification", required: true)
    let published = f.date("datePublicationDonnees", required: true)
    let amount = readAmount(&f, minimumOne: v2)
    _ = f.choice("formePrix", v2 ? DECPVocabulary.formePrixV2 : DECPVocabulary.formePrixV15, required: false)
    if var lieu = f.object("lieuExecution", required: false, expected: "an object {\"code\", \"typeCode\"}") {
      _ = lieu.choice("typeCode", DECPVocabulary.typeCode, required: false)
      f.problems += lieu.problems
    }
    var framework = nature == "Accord-cadre"
    var social: [String]? = nil
    var environmental: [String]? = nil
    if v2 {
      if let t = f.wrappedValues("techniques", item: "technique", DECPVocabulary.technique, required: false) {
        framework = t.contains(DECPVocabulary.framework)
      }
      _ = f.wrappedValues("modalitesExecution", item: "modaliteExecution", DECPVocabulary.modaliteExecution, required: false)
      _ = f.wrappedValues("typesPrix", item: "typePrix", DECPVocabulary.typePrix, required: false)
      _ = f.choice("ccag", DECPVocabulary.ccag, required: false)
      _ = f.choice("typeGroupementOperateurs", DECPVocabulary.typeGroupementOperateurs, required: false)
      social = f.wrappedValues(
        "considerationsSociales", item: "considerationSociale", DECPVocabulary.considerationSociale, required: true)
      environmental = f.wrappedValues(
        "considerationsEnvironnementales", item: "considerationEnvironnementale",
        DECPVocabulary.considerationEnvironnementale, required: true)
    }
    let awardees = readAwardees(&f, v2: v2)
    let modifications = f.list("modifications", required: false, expected: "a list of modifications")?.count ?? 0

    guard f.problems.isEmpty, let id, let buyer, let title, let notified, let published, let amount, let awardees else {
      return .refused(place: place, problems: f.problems)
    }
    return .record(
      DECPRecord(
        place: place, id: id, buyerSiret: buyer, title: title, notified: notified,
        published: published, amount: amount, framework: framework, awardees: awardees, social: social,
        environmental: environmental, cpv: cpv, procedure: procedure, innovative: innovative, durationMonths: duration,
        modifications: modifications))
  }

  /// `montant`: an exact amount in euros, at most 2 decimals, as the JSON token or the XML text gives it.
  private static func readAmount(_ f: inout DECPFields, minimumOne: Bool) -> Euros? {
    let expected = "an amount in euros excluding tax, at most 2 decimals\(minimumOne ? ", 1 or more" : "")"
    guard let n = f.number("montant", required: true, expected: expected) else { return nil }
    if n.fractionDigits > 2 {
      f.problems.append("'montant' \(n.text) has \(n.fractionDigits) decimals; expected \(expected)")
      return nil
    }
    guard let euros = Euros(json: n) else {
      f.problems.append(
        "'montant' \(DECPFields.describe(.number(n))) is too large for an amount in euros (at most 92233720368547758.07); expected \(expected)"
      )
      return nil
    }
    if euros.cents < (minimumOne ? 100 : 0) {
      f.wrong("montant", expected, .number(n))
      return nil
    }
    return euros
  }

  /// `titulaires`: v2 `[{"titulaire": {"typeIdentifiant", "id"}}]`, v1.5 flat `[{"typeIdentifiant", "id", "denominationSociale"}]`.
  private static func readAwardees(_ f: inout DECPFields, v2: Bool) -> [Awardee]? {
    let shape =
      v2
      ? "a list of {\"titulaire\": {\"typeIdentifiant\": …, \"id\": …}}"
      : "a list of {\"typeIdentifiant\": …, \"id\": …, \"denominationSociale\": …}"
    guard let items = f.list("titulaires", required: true, expected: shape) else { return nil }
    if items.isEmpty {
      f.problems.append("'titulaires' is an empty list; expected \(shape) naming at least one awardee")
      return nil
    }
    var out: [Awardee] = []
    for (i, item) in items.enumerated() {
      let key = "titulaires[\(i)]"
      guard case .object(var m) = item else {
        f.wrong(key, v2 ? "an object {\"titulaire\": {…}}" : "an object {\"typeIdentifiant\", \"id\", \"denominationSociale\"}", item)
        return nil
      }
      if v2 {
        guard case .object(let inner)? = m["titulaire"], m.count == 1 else {
          f.wrong(key, "an object {\"titulaire\": {\"typeIdentifiant\": …, \"id\": …}}", m["titulaire"] ?? item)
          return nil
        }
        m = inner
      }
      var t = DECPFields(m, textScalars: f.textScalars, prefix: key + (v2 ? ".titulaire." : "."))
      let scheme = t.choice(
        "typeIdentifiant", v2 ? DECPVocabulary.typeIdentifiantV2 : DECPVocabulary.typeIdentifiantV15, required: true)
      let id = t.text("id", required: true, expected: "the awardee's identifier")
      let name = v2 ? nil : t.text("denominationSociale", required: false, expected: "the awardee's name", trim: true)
      if scheme == "SIRET", let id, let rule = siretFormatProblem(id) {
        t.problems.append("'\(t.prefix)id' \(DECPFields.quoted(id)) is not a SIRET: it breaks \(rule)")
      }
      f.problems += t.problems
      guard let scheme, let id, t.problems.isEmpty else { return nil }
      out.append(Awardee(scheme: scheme, id: id, name: name))
    }
    return out
  }

  /// The format rule a SIRET breaks (14 digits exactly, as the schema's pattern says), or nil; a
  /// checksum failure is not a format problem (a warning, listed by the report).
  static func siretFormatProblem(_ s: String) -> String? {
    if s.utf8.count == 14, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return nil }
    if let problem = CompanyID.problem(s, as: .siret), !problem.isChecksum { return problem.rule(.siret) }
    return "the format rule: 14 digits, without spaces or dots"
  }

  /// `^[0-9]{8}(-[0-9])?$`.
  static func isCPV(_ s: String) -> Bool {
    let b = Array(s.utf8)
    let digit = { (x: UInt8) in x >= 48 && x <= 57 }
    guard b.count == 8 || b.count == 10, b[0..<8].allSatisfy(digit) else { return false }
    return b.count == 8 || (b[8] == UInt8(ascii: "-") && digit(b[9]))
  }
}

/// The shape of a DECP file, told from its content (never from its name).
enum DECPVersion: String, Sendable, Equatable {
  /// Since 2024: `{"marches": {"marche": [...]}}` in JSON, `<marches>` in XML.
  case v2 = "DECP v2"
  /// Up to 2023: `{"marches": [...]}`.
  case v15 = "DECP v1.5"
}
