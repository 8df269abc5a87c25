import Domain
import Foundation
import Journal

/// A journal of random events of every type (valid data, valid times in
/// 2020–2023, deliberately out of order), with corrections (some moving the
/// valid time, some reinstating retracted events) and retractions, recorded
/// over successive days so that "as known on" cuts fall between them.
public final class RandomHistory {
  public let root: String
  public var path: String { root + "/j" }
  /// Dates between the days of entries, for "as known on" cuts.
  public private(set) var cuts: [String] = []

  public init(seed: UInt64, events: Int) throws {
    root = FileManager.default.temporaryDirectory.path + "/ess-proj-\(seed)-" + UUID().uuidString.prefix(6)
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try Writer.create(at: path)
    var rng = Seeded(seed: seed)
    let clockStart = Timestamp(rfc3339: "2023-01-02T08:00:00.000Z")!.millisecondsSince1970
    let now = TestClock()
    now.set(Timestamp(millisecondsSince1970: clockStart).rfc3339)
    var options = WriterOptions()
    options.clock = now.function
    let writer = try Writer(at: path, options: options)
    var domain: [(seq: UInt64, type: String)] = []
    var seq: UInt64 = 0
    for i in 0..<events {
      if i % 7 == 0 {
        now.advance(86_400_000)  // a new day of entries
        cuts.append(ParisTime.date(at: Timestamp(millisecondsSince1970: now.milliseconds)).description)
      }
      now.advance(Int64.random(in: 0...3, using: &rng) * 1000)  // sometimes the same instant (one import)
      let roll = Int.random(in: 0..<10, using: &rng)
      let event: NewEvent
      if roll == 0, let target = domain.randomElement(using: &rng) {
        var data: [String: JSONValue] = ["target": .number(JSONNumber(Int64(target.seq))), "data": Self.data(target.type, &rng)]
        if Bool.random(using: &rng) { data["occurredOn"] = .string(Self.date(&rng)) }
        event = NewEvent(type: "event.corrected", occurredOn: "2023-06-01", author: "t", reason: "fix", data: .object(data))
      } else if roll == 1, let target = domain.randomElement(using: &rng) {
        event = NewEvent(
          type: "event.retracted", occurredOn: "2023-06-01", author: "t", reason: "oops",
          data: ["target": .number(JSONNumber(Int64(target.seq)))])
      } else {
        let type = Self.types.randomElement(using: &rng)!
        event = NewEvent(type: type, occurredOn: Self.date(&rng), author: "t", source: "s", data: Self.data(type, &rng))
        domain.append((seq + 1, type))
      }
      try writer.append([event])
      seq += 1
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  public static let types = [
    "pole.member-joined", "pole.member-left", "pole.board-elected", "pole.general-assembly-held", "conseil.plenary-held",
    "conseil.workshop-held", "procurement.contract-awarded", "procurement.insertion-hours-reported",
    "procurement.tender-unsuccessful", "okote.campaign-opened", "okote.pledge-made", "okote.campaign-closed",
    "books.donation-counted", "marcheoff.edition-reported", "indicator.reported", "milestone.reached", "subsidy.granted",
  ]

  public static func date(_ rng: inout Seeded) -> String {
    let year = Int.random(in: 2020...2023, using: &rng)
    let month = Int.random(in: 1...12, using: &rng)
    let day = Int.random(in: 1...28, using: &rng)
    let base = String(format: "%04d-%02d-%02d", year, month, day)
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: return base + "T23:30:00Z"  // already the next day in Paris
    case 1: return base + "T10:15:00+02:00"
    default: return base
    }
  }

  public static func data(_ type: String, _ rng: inout Seeded) -> JSONValue {
    func n(_ r: ClosedRange<Int64>) -> JSONValue { .number(JSONNumber(Int64.random(in: r, using: &rng))) }
    func eur() -> JSONValue { .number(JSONNumber(scaledInteger: Int64.random(in: 1...5_000_000, using: &rng), scale: 2)!) }
    func b() -> JSONValue { .bool(Bool.random(using: &rng)) }
    let member = JSONValue.string("m\(Int.random(in: 0..<6, using: &rng))")
    switch type {
    case "pole.member-joined": return ["memberId": member, "name": "M", "legalForm": "association"]
    case "pole.member-left": return ["memberId": member]
    case "pole.board-elected": return ["memberIds": .array((0..<Int.random(in: 1...4, using: &rng)).map { .string("m\($0)") })]
    case "pole.general-assembly-held": return ["attendees": n(0...80)]
    case "conseil.plenary-held": return ["title": "P", "participants": n(0...200)]
    case "conseil.workshop-held": return ["theme": "W", "participants": n(0...50)]
    case "procurement.contract-awarded":
      return [
        "contractId": .string("c\(Int.random(in: 0..<9, using: &rng))"), "title": "T", "buyer": "ville", "awardee": "A", "amountEUR": eur(),
        "socialClause": b(), "environmentalClause": b(), "fairTradeClause": b(), "awardeeIsESS": b(), "awardeeIsSME": b(),
        "awardeeIsLocal": b(),
      ]
    case "procurement.insertion-hours-reported":
      let ins = Int64.random(in: 0...5000, using: &rng)
      let ben = Int64.random(in: 0...30, using: &rng)
      return [
        "contractId": "c1", "insertionHours": .number(JSONNumber(ins)),
        "trainingHours": .number(JSONNumber(Int64.random(in: 0...ins, using: &rng))),
        "beneficiaries": .number(JSONNumber(ben)), "beneficiariesInQPV": .number(JSONNumber(Int64.random(in: 0...ben, using: &rng))),
      ]
    case "procurement.tender-unsuccessful": return ["tenderId": "t1", "title": "T"]
    case "okote.campaign-opened": return ["campaignId": "k1", "project": "P"]
    case "okote.pledge-made":
      return [
        "campaignId": "k1", "contributorKind": .string(["citizen", "company", "public"].randomElement(using: &rng)!),
        "contributorId": .string("p\(Int.random(in: 0..<8, using: &rng))"), "amountEUR": eur(),
      ]
    case "okote.campaign-closed": return ["campaignId": "k1", "outcome": .string(Bool.random(using: &rng) ? "funded" : "not-funded")]
    case "books.donation-counted": return ["books": n(1...900)]
    case "subsidy.granted":
      return [
        "grantor": .string(Bool.random(using: &rng) ? "ville" : "eurometropole"), "beneficiary": "B",
        "beneficiaryIds": [["scheme": "RNA", "id": "W671234567"]], "purpose": "P", "amountEUR": eur(), "kind": "numeraire",
        "paymentTerms": "unique", "paymentPeriod": "2022-06-30",
      ]
    case "marcheoff.edition-reported":
      return [
        "edition": n(2020...2023), "exhibitors": n(0...40), "partners": n(0...40), "eventsCount": n(0...200), "revenueEUR": eur(),
      ]
    case "indicator.reported":
      var d: [String: JSONValue] = [
        "indicator": .string(["forum.visitors", "apero.attendees"].randomElement(using: &rng)!), "value": n(0...900), "unit": "persons",
      ]
      if Bool.random(using: &rng) { d["scope"] = "strasbourg" }
      return .object(d)
    default: return ["title": "Jalon", "kind": "event"]
    }
  }
}
