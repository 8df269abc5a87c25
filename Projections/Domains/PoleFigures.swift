import Domain
import Journal

/// The Pôle territorial de l'ESS: memberships through time, boards, assemblies.
package struct PoleFigures: DomainFigures {
  /// An event's valid time and what it says (joined or not; a board's size).
  struct Dated: Sendable, Equatable {
    var time: ValidTime
    var value: Int64

    /// "The latest by valid time": day, time of day, then seq.
    static func latest(_ entries: [UInt64: Dated], onOrBefore day: Int32) -> Dated? {
      entries.filter { $0.value.time.day <= day }.max { ($0.value.time, $0.key) < ($1.value.time, $1.key) }?.value
    }

    var encoded: JSONValue { [Fields.n(Int64(time.day)), Fields.n(Int64(time.timeOfDay)), Fields.n(value)] }

    init(time: ValidTime, value: Int64) {
      self.time = time
      self.value = value
    }

    init?(decoding v: JSONValue) {
      guard let items = v.arrayValue?.compactMap(Fields.int), items.count == 3 else { return nil }
      self.init(time: ValidTime(day: Int32(items[0]), timeOfDay: Int32(items[1])), value: items[2])
    }
  }

  /// memberId → seq → (valid time, 1 if joined, 0 if left).
  var memberships: [String: [UInt64: Dated]] = [:]
  /// seq → (valid time, board size).
  var boards: [UInt64: Dated] = [:]
  enum Slot: Int, CounterSlot { case joined, left, assemblies }
  var counters = YearCounters(Slot.self)

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    switch e.kind {
    case .poleMemberJoined, .poleMemberLeft:
      let joined = e.kind == .poleMemberJoined
      counters.add(e.year, joined ? Slot.joined : Slot.left, sign)
      let id = joined ? PoleMemberJoined.View(e.data).memberId : PoleMemberLeft.View(e.data).memberId
      memberships[id, default: [:]][e.seq] = sign > 0 ? Dated(time: e.time, value: joined ? 1 : 0) : nil
      if memberships[id]?.isEmpty == true { memberships[id] = nil }
    case .poleBoardElected:
      let size = Int64(PoleBoardElected.View(e.data).memberIds.count)
      boards[e.seq] = sign > 0 ? Dated(time: e.time, value: size) : nil
    case .poleGeneralAssemblyHeld:
      counters.add(e.year, Slot.assemblies, sign)
    default: break
    }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    let end = Fields.endOfYear(year)
    // A member at year end: its last membership event dated on or before 31/12 is a join.
    let members = memberships.values.filter { Dated.latest($0, onOrBefore: end)?.value == 1 }.count
    let board = Dated.latest(boards, onOrBefore: end)
    return [
      .init(key: "pole.members_at_year_end", value: .integer(Int64(members)), unit: .count),
      .init(key: "pole.members_joined", value: .integer(counters.get(year, Slot.joined)), unit: .count),
      .init(key: "pole.members_left", value: .integer(counters.get(year, Slot.left)), unit: .count),
      .init(key: "pole.board_size", value: board.map { .integer($0.value) } ?? .null, unit: .count),
      .init(key: "pole.general_assemblies", value: .integer(counters.get(year, Slot.assemblies)), unit: .count),
    ]
  }

  package var encoded: JSONValue {
    func bySeq(_ m: [UInt64: Dated]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: m.map { (String($0.key), $0.value.encoded) }))
    }
    return ["memberships": .object(memberships.mapValues(bySeq)), "boards": bySeq(boards), "counters": counters.encoded]
  }

  package init?(decoding v: JSONValue) {
    func bySeq(_ j: JSONValue?) -> [UInt64: Dated]? {
      guard let o = j?.objectValue else { return nil }
      var out: [UInt64: Dated] = [:]
      for (k, a) in o {
        guard let s = UInt64(k), let d = Dated(decoding: a) else { return nil }
        out[s] = d
      }
      return out
    }
    guard let m = v["memberships"]?.objectValue, let b = bySeq(v["boards"]), let c = YearCounters(Slot.self, decoding: v["counters"])
    else { return nil }
    for (id, j) in m {
      guard let s = bySeq(j) else { return nil }
      memberships[id] = s
    }
    boards = b
    counters = c
  }
}
