import Domain
import Journal

/// One domain's fold (Pôle, Conseil, SPASER, Okoté, books, Marché OFF,
/// reported figures, milestones): pure, correction-unaware — it is told
/// ``EffectiveChange``s — and able to say its indicators for any year.
/// The bilan composes them; adding a domain is one file plus a line in
/// ``BilanState``.
package protocol DomainFigures: Sendable, Equatable {
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

  static func share(_ n: Int64, _ d: Int64) -> Bilan.Value { d == 0 ? .null : .fraction(n, d) }
}

/// The counters of one domain, as an enum whose raw values are their slots (0, 1, 2…).
protocol CounterSlot: CaseIterable, RawRepresentable where RawValue == Int {}

/// Additive per-year counters, the common case: one slot per named counter
/// (arrays, not dictionaries: this runs for every event; a history spans a
/// few dozen years, so finding a year's row is a short scan).
struct YearCounters: Sendable, Equatable {
  let names: [String]
  private(set) var years: [Int] = []
  private(set) var rows: [[Int64]] = []

  init(_ names: [String]) { self.names = names }

  /// Counters named by the cases of `slots` (their names are the checkpoint's).
  init<S: CounterSlot>(_ slots: S.Type) { self.init(S.allCases.map { "\($0)" }) }

  init?<S: CounterSlot>(_ slots: S.Type, decoding v: JSONValue?) { self.init(S.allCases.map { "\($0)" }, decoding: v) }

  mutating func add(_ year: Int, _ slot: some CounterSlot, _ v: Int64) { add(year, slot.rawValue, v) }

  func get(_ year: Int, _ slot: some CounterSlot) -> Int64 { get(year, slot.rawValue) }

  /// Every year's counters, by year.
  var byYear: [Int: [Int64]] { Dictionary(uniqueKeysWithValues: zip(years, rows)) }

  mutating func add(_ year: Int, _ slot: Int, _ v: Int64) {
    guard v != 0 else { return }
    rows[row(year)][slot] += v
  }

  /// Changes several slots of one year at once (one lookup of the year).
  mutating func update(_ year: Int, _ body: (inout [Int64]) -> Void) {
    body(&rows[row(year)])
  }

  /// The index of `year`'s row, made if absent.
  private mutating func row(_ year: Int) -> Int {
    if let i = years.firstIndex(of: year) { return i }
    years.append(year)
    rows.append(Array(repeating: 0, count: names.count))
    return years.count - 1
  }

  /// The counters of `year`, by slot (nil: all zero).
  func row(of year: Int) -> [Int64]? { years.firstIndex(of: year).map { rows[$0] } }

  func get(_ year: Int, _ slot: Int) -> Int64 { years.firstIndex(of: year).map { rows[$0][slot] } ?? 0 }

  static func == (a: YearCounters, b: YearCounters) -> Bool {
    // Years whose counters all went back to zero are the same as absent ones.
    a.names == b.names && a.byYear.filter { $0.value.contains { $0 != 0 } } == b.byYear.filter { $0.value.contains { $0 != 0 } }
  }

  var encoded: JSONValue {
    .object(
      Dictionary(
        uniqueKeysWithValues: byYear.filter { $0.value.contains { $0 != 0 } }.map { y, values in
          (String(y), .object(Dictionary(uniqueKeysWithValues: zip(names, values).filter { $0.1 != 0 }.map { ($0.0, Fields.n($0.1)) })))
        }))
  }

  init?(_ names: [String], decoding v: JSONValue?) {
    self.names = names
    guard let o = v?.objectValue else { return nil }
    for (k, c) in o.sorted(by: { $0.key < $1.key }) {
      guard let y = Int(k), !years.contains(y), let m = c.objectValue else { return nil }
      years.append(y)
      rows.append(names.map { Fields.int(m[$0]) ?? 0 })
    }
  }
}
