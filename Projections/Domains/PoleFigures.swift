import Journal

/// The Pôle territorial de l'ESS: memberships through time, boards, assemblies.
public struct PoleFigures: DomainFigures {
  /// memberId → seq → (day, time of day, joined?).
  var memberships: [String: [UInt64: [Int64]]] = [:]
  /// seq → (day, time of day, board size).
  var boards: [UInt64: [Int64]] = [:]
  static let slots = ["joined", "left", "assemblies"]
  var counters = YearCounters(slots)

  public init() {}

  public mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    switch e.type {
    case "pole.member-joined", "pole.member-left":
      let joined = e.type == "pole.member-joined"
      counters.add(e.year, joined ? 0 : 1, sign)
      let id = e.data.string("memberId") ?? ""
      memberships[id, default: [:]][e.seq] = sign > 0 ? [Int64(e.day), Int64(e.timeOfDay), joined ? 1 : 0] : nil
      if memberships[id]?.isEmpty == true { memberships[id] = nil }
    case "pole.board-elected":
      boards[e.seq] = sign > 0 ? [Int64(e.day), Int64(e.timeOfDay), Int64(e.data.strings("memberIds")?.count ?? 0)] : nil
    case "pole.general-assembly-held":
      counters.add(e.year, 2, sign)
    default: break
    }
  }

  public func indicators(year: Int) -> [Bilan.Indicator] {
    let end = Int64(Fields.endOfYear(year))
    var members: Int64 = 0
    for (_, history) in memberships {
      // The last membership event dated on or before 31/12 (ties: time of day, then seq) is a join.
      let last = history.filter { $0.value[0] <= end }.max { ($0.value[0], $0.value[1], $0.key) < ($1.value[0], $1.value[1], $1.key) }
      if last?.value[2] == 1 { members += 1 }
    }
    let board = boards.filter { $0.value[0] <= end }.max { ($0.value[0], $0.value[1], $0.key) < ($1.value[0], $1.value[1], $1.key) }
    return [
      .init(key: "pole.members_at_year_end", value: .integer(members), unit: .count),
      .init(key: "pole.members_joined", value: .integer(counters.get(year, 0)), unit: .count),
      .init(key: "pole.members_left", value: .integer(counters.get(year, 1)), unit: .count),
      .init(key: "pole.board_size", value: board.map { .integer($0.value[2]) } ?? .null, unit: .count),
      .init(key: "pole.general_assemblies", value: .integer(counters.get(year, 2)), unit: .count),
    ]
  }

  public var encoded: JSONValue {
    func seqs(_ m: [UInt64: [Int64]]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: m.map { (String($0.key), .array($0.value.map(Fields.n))) }))
    }
    return [
      "memberships": .object(memberships.mapValues(seqs)), "boards": seqs(boards), "counters": counters.encoded,
    ]
  }

  public init?(decoding v: JSONValue) {
    func seqs(_ j: JSONValue?) -> [UInt64: [Int64]]? {
      guard let o = j?.objectValue else { return nil }
      var out: [UInt64: [Int64]] = [:]
      for (k, a) in o {
        guard let s = UInt64(k), let items = a.arrayValue?.compactMap(Fields.int), items.count == 3 else { return nil }
        out[s] = items
      }
      return out
    }
    guard let m = v["memberships"]?.objectValue, let b = seqs(v["boards"]), let c = YearCounters(Self.slots, decoding: v["counters"]) else {
      return nil
    }
    for (id, j) in m {
      guard let s = seqs(j) else { return nil }
      memberships[id] = s
    }
    boards = b
    counters = c
  }
}
