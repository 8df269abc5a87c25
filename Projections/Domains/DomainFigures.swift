import Journal

/// One domain's fold (Pôle, Conseil, SPASER, Okoté, books, Marché OFF,
/// reported figures, milestones): pure, correction-unaware — it is told
/// ``EffectiveChange``s — and able to say its indicators for any year.
/// The bilan composes them; adding a domain is one file plus a line in
/// ``BilanState``.
public protocol DomainFigures: Sendable, Equatable {
  init()
  /// `sign` is +1 when `event` starts counting, -1 when it stops.
  mutating func apply(_ event: EffectiveEvent, sign: Int64)
  /// This domain's indicators of `year`, in BILAN.md's order.
  func indicators(year: Int) -> [Bilan.Indicator]
  /// For checkpoints.
  var encoded: JSONValue { get }
  init?(decoding: JSONValue)
}

/// Small helpers for the domains' folds and checkpoints.
enum Fields {
  static func n(_ v: Int64) -> JSONValue { .number(JSONNumber(v)) }
  static func int(_ v: JSONValue?) -> Int64? { v?.numberValue?.int64Value }

  static func year(_ day: Int32) -> Int { CivilDate(daysSince1970: Int64(day)).year }
  static func endOfYear(_ year: Int) -> Int32 { Int32(CivilDate(year: year, month: 12, day: 31)!.daysSince1970) }

  /// Per-year counters by name ↔ JSON.
  static func encode(_ counters: [Int: [String: Int64]]) -> JSONValue {
    .object(Dictionary(uniqueKeysWithValues: counters.map { (String($0.key), .object($0.value.mapValues(n))) }))
  }

  static func decode(_ v: JSONValue?) -> [Int: [String: Int64]]? {
    guard let o = v?.objectValue else { return nil }
    var out: [Int: [String: Int64]] = [:]
    for (k, c) in o {
      guard let y = Int(k), let m = c.objectValue else { return nil }
      out[y] = m.compactMapValues(int)
    }
    return out
  }

  static func share(_ n: Int64, _ d: Int64) -> Bilan.Value { d == 0 ? .null : .fraction(n, d) }
}

/// Additive per-year counters, the common case.
struct YearCounters: Sendable, Equatable {
  var byYear: [Int: [String: Int64]] = [:]

  mutating func add(_ year: Int, _ name: String, _ v: Int64) {
    guard v != 0 else { return }
    let total = (byYear[year]?[name] ?? 0) + v
    byYear[year, default: [:]][name] = total == 0 ? nil : total
    if byYear[year]?.isEmpty == true { byYear[year] = nil }
  }

  func get(_ year: Int, _ name: String) -> Int64 { byYear[year]?[name] ?? 0 }
}
