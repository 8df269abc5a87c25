import Journal

/// The Conseil de l'ESS: plenaries and workshops, and their participants.
public struct ConseilFigures: DomainFigures {
  static let slots = ["plenaries", "plenaryParticipants", "workshops", "workshopParticipants"]
  var counters = YearCounters(slots)

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    switch e.type {
    case "conseil.plenary-held":
      counters.add(e.year, 0, sign)
      counters.add(e.year, 1, sign * (e.data.int64("participants") ?? 0))
    case "conseil.workshop-held":
      counters.add(e.year, 2, sign)
      counters.add(e.year, 3, sign * (e.data.int64("participants") ?? 0))
    default: break
    }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    [
      .init(key: "conseil.plenaries", value: .integer(counters.get(year, 0)), unit: .count),
      .init(key: "conseil.plenary_participants", value: .integer(counters.get(year, 1)), unit: .persons),
      .init(key: "conseil.workshop_meetings", value: .integer(counters.get(year, 2)), unit: .count),
      .init(key: "conseil.workshop_participants", value: .integer(counters.get(year, 3)), unit: .persons),
    ]
  }

  public var encoded: JSONValue { ["counters": counters.encoded] }

  public init?(decoding v: JSONValue) {
    guard let c = YearCounters(Self.slots, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
