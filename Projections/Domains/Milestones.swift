import Domain
import Journal

/// Milestones (`milestone.reached`) of each year, by date then seq.
public struct Milestones: DomainFigures {
  /// One milestone of a bilan: its date, kind and title.
  public struct Milestone: Sendable, Equatable {
    public var date: String
    public var kind: String
    public var title: String
    public var seq: UInt64
  }

  var byYear: [Int: [UInt64: Milestone]] = [:]

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    guard e.kind == .milestoneReached else { return }
    let m = MilestoneReached.View(e.data)
    byYear[e.year, default: [:]][e.seq] =
      sign > 0 ? Milestone(date: e.time.date.description, kind: m.kind.rawValue, title: m.title, seq: e.seq) : nil
    if byYear[e.year]?.isEmpty == true { byYear[e.year] = nil }
  }

  /// Milestones have no indicator: the bilan lists them.
  package func indicators(year: Int) -> [Bilan.Indicator] { [] }

  package func list(year: Int) -> [Milestone] {
    (byYear[year] ?? [:]).values.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
  }

  package var encoded: JSONValue {
    .object(
      Dictionary(
        uniqueKeysWithValues: byYear.map { y, m in
          (
            String(y),
            .object(
              Dictionary(
                uniqueKeysWithValues: m.map {
                  (String($0.key), .array([.string($0.value.date), .string($0.value.kind), .string($0.value.title)]))
                }))
          )
        }))
  }

  package init?(decoding v: JSONValue) {
    guard let o = v.objectValue else { return nil }
    for (k, m) in o {
      guard let y = Int(k), let entries = m.objectValue else { return nil }
      for (sk, a) in entries {
        guard let seq = UInt64(sk), let items = a.arrayValue, items.count == 3, let d = items[0].stringValue,
          let kind = items[1].stringValue, let title = items[2].stringValue
        else { return nil }
        byYear[y, default: [:]][seq] = Milestone(date: d, kind: kind, title: title, seq: seq)
      }
    }
  }
}
