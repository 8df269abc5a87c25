import Domain
import Journal

/// The Conseil de l'ESS: plenaries and workshops, and their participants.
package struct ConseilFigures: DomainFigures {
  enum Slot: Int, CounterSlot { case plenaries, plenaryParticipants, workshops, workshopParticipants }
  var counters = YearCounters(Slot.self)

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    switch e.kind {
    case .conseilPlenaryHeld:
      counters.add(e.year, Slot.plenaries, sign)
      counters.add(e.year, Slot.plenaryParticipants, sign * ConseilPlenaryHeld.View(e.data).participants)
    case .conseilWorkshopHeld:
      counters.add(e.year, Slot.workshops, sign)
      counters.add(e.year, Slot.workshopParticipants, sign * ConseilWorkshopHeld.View(e.data).participants)
    default: break
    }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    [
      .init(key: "conseil.plenaries", value: .integer(counters.get(year, Slot.plenaries)), unit: .count),
      .init(key: "conseil.plenary_participants", value: .integer(counters.get(year, Slot.plenaryParticipants)), unit: .persons),
      .init(key: "conseil.workshop_meetings", value: .integer(counters.get(year, Slot.workshops)), unit: .count),
      .init(key: "conseil.workshop_participants", value: .integer(counters.get(year, Slot.workshopParticipants)), unit: .persons),
    ]
  }

  package var encoded: JSONValue { ["counters": counters.encoded] }

  package init?(decoding v: JSONValue) {
    guard let c = YearCounters(Slot.self, decoding: v["counters"]) else { return nil }
    counters = c
  }
}
