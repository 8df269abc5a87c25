import Journal

/// SplitMix64: small, fast, and good enough to draw realistic test data.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

/// A batch of generated events, with the same events as JSON Lines.
struct EventBatch {
  var events: [NewEvent] = []
  /// The events as JSON Lines (canonical JSON, one object a line): what the
  /// raw-disk baseline writes and what SQLite stores as `body`.
  var jsonl: [UInt8] = []
  /// Each event's line in `jsonl`, without its newline.
  var lineRanges: [Range<Int>] = []
  var count: Int { events.count }
}

/// Deterministic, realistic ESS-domain events (~250 bytes of JSON each).
/// Event `i` depends only on (seed, stream, i), so every system and every run
/// gets exactly the same events, batch after batch, without holding a million
/// of them in memory.
struct Generator {
  let seed: UInt64
  /// Separates the bulk events from the single-append ones.
  let stream: UInt64

  static let authors = [
    "c.muller", "a.benali", "j.dupont", "m.nguyen", "s.traore", "l.martin", "admin", "e.rossi-garnier",
    "k.diallo", "p.lefebvre",
  ]
  static let contributorKinds = ["individual", "company", "association", "local-authority", "foundation"]
  static let channels = ["web", "cheque", "transfer", "cash", "direct-debit"]
  static let sites = [
    "Médiathèque Jean Macé", "Bibliothèque du 8e", "Ressourcerie La Glanerie", "Centre social Bonnefoi",
    "Espace Grand Vire",
  ]
  static let sources: [String?] = [
    nil, nil, nil, nil, nil, nil, nil, "bilan clauses sociales", "plateforme Okoté", nil,
  ]

  func batch(_ start: Int, _ count: Int) -> EventBatch {
    var b = EventBatch()
    b.events.reserveCapacity(count)
    b.jsonl.reserveCapacity(count * 280)
    b.lineRanges.reserveCapacity(count)
    for i in start..<(start + count) {
      let e = event(i)
      b.events.append(e)
      let lineStart = b.jsonl.count
      Generator.appendLine(e, to: &b.jsonl)
      b.lineRanges.append(lineStart..<b.jsonl.count)
      b.jsonl.append(0x0A)
    }
    return b
  }

  /// The event as one canonical JSON object (keys sorted by their UTF-8
  /// bytes: author, data, id, occurredOn, source, type, version), no newline.
  /// Written directly rather than through a `JSONValue.object` (which would
  /// hash and sort the keys): generation is untimed but runs for every system.
  static func appendLine(_ e: NewEvent, to out: inout [UInt8]) {
    func key(_ k: StaticString) {
      out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
    }
    key("{\"author\":")
    JSONValue.appendCanonicalString(e.author, to: &out)
    key(",\"data\":")
    e.data.appendCanonical(to: &out)
    if let id = e.id {
      key(",\"id\":")
      JSONValue.appendCanonicalString(id, to: &out)
    }
    key(",\"occurredOn\":")
    JSONValue.appendCanonicalString(e.occurredOn, to: &out)
    if let source = e.source {
      key(",\"source\":")
      JSONValue.appendCanonicalString(source, to: &out)
    }
    key(",\"type\":")
    JSONValue.appendCanonicalString(e.type, to: &out)
    key(",\"version\":")
    out.append(contentsOf: String(e.version).utf8)
    out.append(UInt8(ascii: "}"))
  }

  func event(_ i: Int) -> NewEvent {
    var r = SplitMix64(seed: seed ^ (stream &* 0xA076_1D64_78BD_642F) ^ (UInt64(i) &* 0xE703_7ED1_A0B4_28DB))
    _ = r.next()
    let id = Generator.uuid(&r)
    // Dates move forward with i, as a real history would: one day per ~700 events.
    let day = i / 700
    let year = 2021 + (day / 336) % 5
    let month = 1 + (day / 28) % 12
    let dom = 1 + day % 28
    let occurredOn = "\(year)-\(Generator.two(month))-\(Generator.two(dom))"
    let author = r.pick(Generator.authors)
    let source = r.pick(Generator.sources)
    func n(_ v: Int) -> JSONValue { .number(JSONNumber(Int64(v))) }
    let kind = r.below(100)
    let type: String
    let data: JSONValue
    if kind < 40 {
      type = "procurement.insertion-hours-reported"
      let beneficiaries = 1 + r.below(40)
      data = .object([
        "contractId": .string("MP-\(year)-\(Generator.pad(r.below(900) + 1, 4))"),
        "insertionHours": n(35 + r.below(4000)),
        "trainingHours": n(r.below(600)),
        "beneficiaries": n(beneficiaries),
        "beneficiariesInQPV": n(r.below(beneficiaries + 1)),
      ])
    } else if kind < 75 {
      type = "okote.pledge-made"
      let cents = Int64(500 + r.below(250_000))
      data = .object([
        "campaignId": .string("okote-\(year)-\(Generator.pad(r.below(60) + 1, 3))"),
        "contributorKind": .string(r.pick(Generator.contributorKinds)),
        "contributorId": .string("C-\(Generator.pad(r.below(50_000), 6))"),
        "amountEUR": .number(JSONNumber(scaledInteger: cents, scale: 2)!),
        "channel": .string(r.pick(Generator.channels)),
      ])
    } else if kind < 85 {
      type = "employment.contract-signed"
      data = .object([
        "employerId": .string("SIAE-\(Generator.pad(r.below(400), 4))"),
        "beneficiaryRef": .string("B-\(year)-\(Generator.pad(r.below(100_000), 5))"),
        "contractKind": .string(r.pick(["CDDI", "PEC", "CDD", "CDI", "apprentissage"])),
        "weeklyHours": n(20 + r.below(16)),
        "startsOn": .string(occurredOn),
      ])
    } else if kind < 95 {
      type = "books.donation-counted"
      let books = 1 + r.below(5000)
      data = .object([
        "books": n(books),
        "site": .string(r.pick(Generator.sites)),
        "weightKg": .number(JSONNumber(scaledInteger: Int64(books * (3 + r.below(4))), scale: 1)!),
      ])
    } else {
      type = "conseil.plenary-held"
      data = .object([
        "title": .string("Plénière du conseil de l'ESS n°\(1 + r.below(200))"),
        "participants": n(10 + r.below(150)),
        "quorum": .bool(r.below(8) != 0),
        "motionsAdopted": n(r.below(9)),
      ])
    }
    return NewEvent(id: id, type: type, occurredOn: occurredOn, author: author, source: source, data: data)
  }

  static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

  static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  /// A version-4 UUID in lowercase 8-4-4-4-12 form, drawn from `r`.
  static func uuid(_ r: inout SplitMix64) -> String {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var a = r.next()
    var b = r.next()
    a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
    b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
    var out: [UInt8] = []
    out.reserveCapacity(36)
    for (k, word) in [a, b].enumerated() {
      for j in 0..<16 {
        let pos = k * 16 + j
        if pos == 8 || pos == 12 || pos == 16 || pos == 20 { out.append(UInt8(ascii: "-")) }
        out.append(hex[Int((word >> UInt64(60 - 4 * j)) & 0xF)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
