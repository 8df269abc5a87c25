import Domain
import Journal

/// Valid data for every type of the catalog, with every optional field set,
/// plus the minimal form (required fields only).
enum Fixtures {
  static let full: [String: JSONValue] = [
    "pole.member-joined": ["memberId": "emmaus-mundo", "name": "Emmaüs Mundo", "legalForm": "association", "city": "Strasbourg"],
    "pole.member-left": ["memberId": "emmaus-mundo", "note": "Fusion avec une autre structure adhérente"],
    "pole.board-elected": ["memberIds": ["emmaus-mundo", "cress-grand-est", "kaleidoscoop"]],
    "pole.general-assembly-held": ["attendees": 30, "title": "Assemblée générale constitutive du Pôle ESS"],
    "conseil.plenary-held": [
      "title": "Séance avec Benoît Hamon, ministre délégué à l'ESS", "participants": 160, "guests": ["Benoît Hamon"],
    ],
    "conseil.workshop-held": ["theme": "Feuille de route économique de l'Eurométropole", "participants": 45],
    "procurement.contract-awarded": [
      "contractId": "ems-2022-0147", "title": "Entretien des espaces verts, lot 3", "buyer": "eurometropole",
      "awardee": "Jardins de la Montagne Verte", "amountEUR": .number(JSONNumber(literal: "184500.5")!),
      "socialClause": true, "environmentalClause": true, "fairTradeClause": false, "awardeeIsESS": true,
      "awardeeIsSME": true, "awardeeIsLocal": true,
    ],
    "procurement.insertion-hours-reported": [
      "contractId": "ems-2022-0147", "insertionHours": 12500, "trainingHours": 1800, "beneficiaries": 14,
      "beneficiariesInQPV": 9,
    ],
    "procurement.tender-unsuccessful": ["tenderId": "vds-2023-0031", "title": "Restauration scolaire bio, lot 2"],
    "okote.campaign-opened": [
      "campaignId": "okote-2023-t1", "project": "Épicerie solidaire du Neuhof", "targetEUR": 15000, "region": "Neuhof",
    ],
    "okote.pledge-made": [
      "campaignId": "okote-2023-t1", "contributorKind": "citizen", "contributorId": "hab-0421",
      "amountEUR": .number(JSONNumber(literal: "25.5")!),
    ],
    "okote.campaign-closed": ["campaignId": "okote-2023-t1", "outcome": "not-funded"],
    "books.donation-counted": ["books": 4265, "site": "Médiathèque Malraux"],
    "marcheoff.edition-reported": [
      "edition": 2022, "exhibitors": 32, "partners": 33, "eventsCount": 130, "revenueEUR": 435000,
      "opensOn": "2022-11-25", "closesOn": "2022-12-24",
    ],
    "indicator.reported": [
      "indicator": "manifestation.attendees", "value": .number(JSONNumber(literal: "1200.75")!), "unit": "persons",
      "scope": "L'économie sociale, le futur de l'Europe",
    ],
    "milestone.reached": ["title": "Ouverture de KaléidosCOOP", "kind": "event"],
    "event.corrected": ["target": 42, "data": ["books": 4312], "occurredOn": "2022-12-31T18:30:00+01:00"],
    "event.retracted": ["target": 57],
    "subsidy.granted": [
      "grantor": "ville", "beneficiary": "Emmaüs Mundo", "beneficiaryIds": [["scheme": "RNA", "id": "W671234567"]],
      "purpose": "Fonctionnement 2022", "amountEUR": 15000, "kind": "numeraire", "paymentTerms": "echelonne",
      "paymentPeriod": "2022-06-30/2022-12-31", "shareOfCost": .number(JSONNumber(literal: "0.25")!),
    ],
    "bilan.published": [
      "year": 2022, "asKnownOn": "2023-03-31", "format": "json", "lang": "fr",
      "sha256": "3ea564511d153f39a315a918b1b265d226ff8b61cb636f8b786bcf94414b93af", "bytes": 1289, "treeSize": 3,
      "treeRoot": "SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0=", "readSeq": 2,
      "readHash": "sha256:d0a94fdeb5cf29bc320b320af397fad63fb4564f0bbaadd9dd5b76f0dfaab0ec", "code": "bilan-2",
      "program": "ess/0.2.0+931f6f75332a", "issued": "2026-01-01T00:00:00Z",
      "publisher": "example.org/ess/test-bilans+4af77d5d+AfTJYbLx35VokvWWx05fEnKQoiAi4ZLSzqTi2eKwNVNF",
      "receiptSHA256": "0f3c0d8f1a6e7b1c9d2e3f405162738495a6b7c8d9e0f1021324354657687980",
    ],
  ]

  /// `full[type]` without its optional fields.
  static func minimal(_ type: String) -> JSONValue {
    let eventType = EventCatalog.type(named: type)!
    let required = Set(eventType.fields.filter(\.required).map(\.name))
    return .object(full[type]!.objectValue!.filter { required.contains($0.key) })
  }

  /// `full[type]` with `changes` applied (a `nil` Swift value removes the member).
  static func with(_ type: String, _ changes: [String: JSONValue?]) -> JSONValue {
    var members = full[type]!.objectValue!
    for (key, value) in changes { members[key] = value }
    return .object(members)
  }

  static func number(_ literal: String) -> JSONValue {
    .number(JSONNumber(literal: literal)!)
  }
}

/// Runs `body` and returns the DomainError it throws, or nil if it succeeds.
func catalogError<T>(_ body: () throws(DomainError) -> T) -> DomainError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}
