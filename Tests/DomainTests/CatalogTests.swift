import Domain
import Journal
import Testing

@Suite struct CatalogTests {
  static let typeNames = EventCatalog.types.map { $0.type }

  @Test func listsEveryTypeOfTheContractOnce() {
    #expect(
      Self.typeNames == [
        "pole.member-joined", "pole.member-left", "pole.board-elected", "pole.general-assembly-held",
        "conseil.plenary-held", "conseil.workshop-held",
        "procurement.contract-awarded", "procurement.insertion-hours-reported", "procurement.tender-unsuccessful",
        "okote.campaign-opened", "okote.pledge-made", "okote.campaign-closed",
        "books.donation-counted", "marcheoff.edition-reported", "indicator.reported", "milestone.reached",
        "event.corrected", "event.retracted", "bilan.published", "subsidy.granted",
      ])
    #expect(Set(Self.typeNames).count == Self.typeNames.count)
    #expect(Set(Fixtures.full.keys) == Set(Self.typeNames))
  }

  @Test(arguments: typeNames)
  func findsTypesByName(_ name: String) throws {
    let type = try #require(EventCatalog.type(named: name))
    #expect(type.type == name)
    #expect(!type.summary.isEmpty && !type.fields.isEmpty)
    #expect(Set(type.fields.map(\.name)).count == type.fields.count)
    #expect(type.fields.allSatisfy { !$0.help.isEmpty })
  }

  @Test func versionsAreOneExceptTheUpcastIndicator() {
    for type in EventCatalog.types {
      #expect(type.version == (type.type == "indicator.reported" ? 2 : 1), "\(type.type)")
    }
  }

  @Test(arguments: typeNames)
  func validDataRoundTrips(_ name: String) throws {
    let full = Fixtures.full[name]!
    #expect(try EventCatalog.validate(type: name, data: full) == full)
    #expect(try EventCatalog.validate(type: name, data: full).canonicalString == full.canonicalString)
    let minimal = Fixtures.minimal(name)
    #expect(try EventCatalog.validate(type: name, data: minimal) == minimal)
  }

  /// The canonical bytes of valid data are its canonical encoding (nothing added, nothing lost).
  @Test(arguments: typeNames)
  func canonicalBytesAreTheDataEncodedCanonically(_ name: String) throws {
    for data in [Fixtures.full[name]!, Fixtures.minimal(name)] {
      #expect(try EventCatalog.canonical(type: name, data: data) == data.canonicalBytes())
    }
  }

  @Test(arguments: typeNames)
  func nullOptionalsAreDroppedFromTheCanonicalData(_ name: String) throws {
    let type = EventCatalog.type(named: name)!
    var members = Fixtures.minimal(name).objectValue!
    for spec in type.fields where !spec.required { members[spec.name] = .null }
    #expect(try EventCatalog.validate(type: name, data: .object(members)) == Fixtures.minimal(name))
  }

  @Test func unknownTypeSuggestsCloseNames() {
    let error = catalogError { () throws(DomainError) in try EventCatalog.validate(type: "pole.member-join", data: [:]) }
    #expect(error?.code == .unknownType)
    #expect(error?.field == "type")
    #expect(error?.message == "Unknown event type 'pole.member-join'; did you mean 'pole.member-joined'?")
    let far = catalogError { () throws(DomainError) in try EventCatalog.validate(type: "weather.reported", data: [:]) }
    #expect(far?.message == "Unknown event type 'weather.reported'; run 'ess types' to list the known types.")
    #expect(EventCatalog.type(named: "Pole.Member-Joined") == nil)
    let prefix = catalogError { () throws(DomainError) in try EventCatalog.validate(type: "okote.pledge", data: [:]) }
    #expect(prefix?.message == "Unknown event type 'okote.pledge'; did you mean 'okote.pledge-made'?")
    let domain = catalogError { () throws(DomainError) in try EventCatalog.validate(type: "okote.donation", data: [:]) }
    #expect(
      domain?.message
        == "Unknown event type 'okote.donation'; did you mean 'okote.campaign-opened', 'okote.pledge-made' or 'okote.campaign-closed'?")
  }

  @Test func validateReadsOlderVersionsAndRefusesUnknownOnes() throws {
    let old: JSONValue = ["indicator": "insertion.hours", "value": 1200, "unit": "heures"]
    #expect(
      try EventCatalog.validate(type: "indicator.reported", data: old, version: 1)
        == ["indicator": "insertion.hours", "value": 1200, "unit": "hours"])
    for version in [0, 3, -1] {
      let error = catalogError { () throws(DomainError) in
        try EventCatalog.validate(type: "indicator.reported", data: old, version: version)
      }
      #expect(error?.code == .unsupportedVersion)
      #expect(
        error?.message == "Version \(version) of event type 'indicator.reported' is not supported; this catalog reads versions 1 to 2.")
    }
    let books = catalogError { () throws(DomainError) in
      try EventCatalog.validate(type: "books.donation-counted", data: ["books": 1], version: 2)
    }
    #expect(books?.code == .unsupportedVersion)
    #expect(try EventCatalog.validate(type: "books.donation-counted", data: ["books": 1], version: 1) == ["books": 1])
  }

  /// Every `example` is a command a person can type: run through the
  /// catalog's own command-line typing, it gives valid data.
  @Test(arguments: typeNames)
  func examplesAreValidCommands(_ name: String) throws {
    let type = EventCatalog.type(named: name)!
    let words = ShellWords.split(type.example)
    #expect(words.first == "ess")
    var assignments: ArraySlice<String>
    var members: [String: JSONValue] = [:]
    switch words[1] {
    case "append":
      #expect(words[2] == name)
      assignments = words[3...]
    case "correct":
      #expect(name == "event.corrected")
      members["target"] = .number(JSONNumber(literal: words[2])!)
      assignments = words[3...]
    default:
      #expect(words[1] == "retract" && name == "event.retracted")
      members["target"] = .number(JSONNumber(literal: words[2])!)
      assignments = words[3...]
    }
    var replacement: [String: JSONValue] = [:]
    for word in assignments.prefix(while: { !$0.hasPrefix("--") }) {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      if name == "event.corrected" {
        let spec = try #require(BooksDonationCounted.fields.first { $0.name == parts[0] })
        replacement[parts[0]] = try spec.parse(parts[1])
      } else {
        let spec = try #require(type.fields.first { $0.name == parts[0] }, "\(parts[0])")
        members[parts[0]] = try spec.parse(parts[1])
      }
    }
    if name == "event.corrected" {
      members["data"] = .object(replacement)
      _ = try BooksDonationCounted.canonical(.object(replacement))
    }
    let valid = try EventCatalog.validate(type: name, data: .object(members))
    #expect(valid == .object(members))
    #expect(words.contains("--author"))
    if words[1] == "append" { #expect(words.contains("--occurred-on")) } else { #expect(words.contains("--reason")) }
  }

  /// The data of the bundled seed history (Sources/Catalog/Seed) is valid.
  static let seed: [(String, JSONValue)] = [
    ("milestone.reached", ["title": "Installation du Conseil de l'ESS", "kind": "founding"]),
    ("conseil.plenary-held", ["title": "Séance avec Benoît Hamon, ministre délégué à l'ESS", "participants": 160]),
    ("conseil.workshop-held", ["theme": "Feuille de route économique de l'Eurométropole", "participants": 0]),
    ("pole.general-assembly-held", ["attendees": 30, "title": "Assemblée générale constitutive du Pôle ESS"]),
    (
      "indicator.reported",
      ["indicator": "manifestation.attendees", "value": 0, "unit": "persons", "scope": "L'économie sociale, le futur de l'Europe"]
    ),
    (
      "marcheoff.edition-reported",
      [
        "edition": 2022, "exhibitors": 32, "partners": 33, "eventsCount": 130, "revenueEUR": 435000, "opensOn": "2022-11-25",
        "closesOn": "2022-12-24",
      ]
    ),
    ("books.donation-counted", ["books": 4265]),
  ]

  @Test(arguments: seed)
  func seedHistoryDataIsValid(type: String, data: JSONValue) throws {
    #expect(try EventCatalog.validate(type: type, data: data) == data)
  }
}

/// Splits a command line like a POSIX shell does for simple cases: spaces
/// separate words; '…' and "…" quote (quotes may start mid-word).
enum ShellWords {
  static func split(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    for c in line {
      if let q = quote {
        if c == q { quote = nil } else { current.append(c) }
      } else if c == "'" || c == "\"" {
        quote = c
        inWord = true
      } else if c == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(c)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
