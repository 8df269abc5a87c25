import Journal

/// The Conseil de l'ESS: plenaries and workshops, and their participants.
public struct ConseilFigures: DomainFigures {
  var counters = YearCounters()

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    switch e.type {
    case "conseil.plenary-held":
      counters.add(e.year, "plenaries", sign)
      counters.add(e.year, "plenaryParticipants", sign * (e.data.int64("participants") ?? 0))
    case "conseil.workshop-held":
      counters.add(e.year, "workshops", sign)
      counters.add(e.year, "workshopParticipants", sign * (e.data.int64("participants") ?? 0))
    default: break
    }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    [
      .init(key: "conseil.plenaries", value: .integer(counters.get(year, "plenaries")), unit: .count),
      .init(key: "conseil.plenary_participants", value: .integer(counters.get(year, "plenaryParticipants")), unit: .persons),
      .init(key: "conseil.workshop_meetings", value: .integer(counters.get(year, "workshops")), unit: .count),
      .init(key: "conseil.workshop_participants", value: .integer(counters.get(year, "workshopParticipants")), unit: .persons),
    ]
  }

  public var encoded: JSONValue { ["counters": Fields.encode(counters.byYear)] }

  public init?(decoding v: JSONValue) {
    guard let c = Fields.decode(v["counters"]) else { return nil }
    counters.byYear = c
  }
}
