import Domain
import Journal

/// The mapping of FORMATS.md §1: one DECP contract → one `procurement.contract-awarded`.
extension DECPRecord {
  /// The event of this record, or the sentence saying what is missing; `warnings` gets what is imported
  /// all the same, `checksums` its identifiers whose checksum fails (``EventCatalog/checksumProblems(type:member:)``).
  func event(
    facts: DECPFacts, buyer: Buyer, author: String, warnings: inout [String], checksums: inout [DomainError]
  ) -> Result<NewEvent, MissingFacts> {
    let first = awardees[0]
    let sirene = first.scheme == "SIRET" ? facts.sirene(siret: first.id) : nil
    let side = facts.side[uid] ?? [:]
    var missing: [String] = []
    func flag(_ field: String, _ fromSirene: Bool?) -> Bool? {
      if let v = side[field] ?? fromSirene { return v }
      missing.append(field)
      return nil
    }
    let social = social.map { $0.contains { $0 != DECPVocabulary.noSocial } } ?? flag("socialClause", nil)
    let environmental = environmental.map { $0.contains { $0 != DECPVocabulary.noEnvironmental } } ?? flag("environmentalClause", nil)
    let ess = flag("awardeeIsESS", sirene?.ess)
    let sme = flag("awardeeIsSME", sirene?.sme)
    let local = flag("awardeeIsLocal", sirene?.local)
    guard missing.isEmpty, let social, let environmental, let ess, let sme, let local else {
      return .failure(MissingFacts(fields: missing, record: self))
    }
    var shownTitle = title
    if title.count > 200 {
      shownTitle = String(title.prefix(199)) + "…"
      warnings.append("'objet' has \(title.count) characters; title keeps the first 199 and '…', fullTitle the whole text")
    }
    // The members in a list, encoded canonically at the end (no dictionary of them).
    var data: [(key: String, value: JSONValue)] = [
      ("contractId", .string(DECPImport.contractId(uid: uid))),
      ("title", .string(shownTitle)),
      ("buyer", .string(buyer.rawValue)),
      ("awardee", .string(first.name ?? sirene?.name ?? first.id)),
      ("amountEUR", amount.json),
      ("socialClause", .bool(social)),
      ("environmentalClause", .bool(environmental)),
      ("awardeeIsESS", .bool(ess)),
      ("awardeeIsSME", .bool(sme)),
      ("awardeeIsLocal", .bool(local)),
      ("decpUid", .string(uid)),
      ("buyerSiret", .string(buyerSiret)),
      ("awardeeIds", .array(awardees.map { .object(["scheme": .string($0.scheme), "id": .string($0.id)]) })),
    ]
    if shownTitle != title { data.append(("fullTitle", .string(title))) }
    if let v = side["fairTradeClause"] { data.append(("fairTradeClause", .bool(v))) }
    if let v = self.social { data.append(("socialConsiderations", .array(v.map(JSONValue.string)))) }
    if let v = self.environmental { data.append(("environmentalConsiderations", .array(v.map(JSONValue.string)))) }
    if let cpv { data.append(("cpv", .string(cpv))) }
    if let procedure { data.append(("procedure", .string(procedure))) }
    if let innovative { data.append(("innovative", .bool(innovative))) }
    if let durationMonths { data.append(("durationMonths", .number(JSONNumber(durationMonths)))) }
    let type = EventKind.procurementContractAwarded.rawValue
    checksums = EventCatalog.checksumProblems(type: type) { name in data.first { $0.key == name }?.value }
    var event = NewEvent(
      id: DECPImport.eventID(uid: uid), type: type, occurredOn: notified, author: author,
      source: "DECP, données publiées le \(published)", canonicalData: [])
    event.setCanonicalData(Self.canonical(&data))
    return .success(event)
  }

  /// The canonical encoding of the object of `members` (distinct names, none `null`): what
  /// `JSONValue.canonicalBytes()` writes for it. Sorts `members`.
  static func canonical(_ members: inout [(key: String, value: JSONValue)]) -> [UInt8] {
    members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    var out: [UInt8] = []
    out.reserveCapacity(512)
    JSONValue.appendCanonicalObject(sorted: members, to: &out)
    return out
  }

  /// The flags no file gave for a record, and where they can come from.
  struct MissingFacts: Error {
    var fields: [String]
    var record: DECPRecord

    var sentence: String {
      let list = fields.count == 1 ? fields[0] : fields.dropLast().joined(separator: ", ") + " and " + fields.last!
      let awardee = record.awardees[0]
      let flags = fields.filter { $0.hasPrefix("awardee") }
      let clauses = fields.filter { !$0.hasPrefix("awardee") }
      var ways: [String] = []
      if !flags.isEmpty && awardee.scheme == "SIRET" {
        ways.append(
          "--sirene FILE, a SIRENE extract with the awardee's SIRET \(awardee.id) (economieSocialeSolidaireUniteLegale, categorieEntreprise, codeCommuneEtablissement)"
        )
      }
      ways.append("--side FILE, a CSV with the columns uid and \(fields.joined(separator: ", ")), and a line for uid \(record.uid)")
      let why =
        clauses.isEmpty
        ? "DECP does not give them"
        : "DECP v1.5 has no social or environmental considerations\(flags.isEmpty ? "" : ", and no ESS, SME or local flag")"
      return "\(list) \(fields.count == 1 ? "is" : "are") missing (\(why)); ess never assumes them: give them with "
        + ways.joined(separator: ", or with ")
    }
  }
}
