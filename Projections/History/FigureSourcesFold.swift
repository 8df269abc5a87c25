import Domain
import Journal

/// The bilan's fold, plus, for every indicator of one year, where it comes
/// from: the distinct `source` of the events that moved it, and whether a
/// correction or a retraction moved it after it was first known. One pass,
/// whatever the number of indicators (what the HTML bilan's footnotes show).
///
/// ```swift
/// var fold = FigureSourcesFold(year: 2022)
/// for record in records { try fold.apply(record, lookup: lookup) }
/// fold.sources["procurement.insertion_hours"]   // ["rapport SPASER 2022", …]
/// ```
public struct FigureSourcesFold {
  public let year: Int
  public private(set) var state = BilanProjection.initial
  /// By indicator key: the sources of the events that moved it, in the order first met ("" for an event without one).
  public private(set) var sources: [String: [String]] = [:]
  /// The keys a correction or a retraction moved.
  public private(set) var corrected: Set<String> = []
  /// The figures as last seen, by domain, in the domain's own (fixed) order: compared by place, not by key.
  var last: [[Bilan.Value]]
  /// Each domain's place in ``last``.
  static let domains = EventDomain.allCases
  /// Reported figures (`reported.*`) come and go: by key.
  var reported: [String: Bilan.Value] = [:]

  public init(year: Int) {
    self.year = year
    let empty = BilanState()
    last = EventDomain.allCases.map { d in d == .indicator ? [] : empty.indicators(of: d, year: year).map(\.value) }
  }

  mutating func moved(_ key: String, by record: Record, correction: Bool) {
    let source = record.source ?? ""
    if !(sources[key]?.contains(source) ?? false) { sources[key, default: []].append(source) }
    if correction { corrected.insert(key) }
  }

  /// Folds the next record.
  /// - Throws: what `lookup` throws.
  public mutating func apply(_ record: Record, lookup: (UInt64) throws -> any StoredEvent) rethrows {
    let entry = EventKind.entry(record.type)
    try BilanProjection.apply(record, entry: entry, lookup: lookup, to: &state)
    guard let kind = entry?.kind, kind.domain != .publication else { return }
    // A correction may aim at any domain (they are rare); any other event moves its own domain's figures only
    // (whatever its date: a Marché OFF edition is counted by its edition year, not by when it was reported).
    let domains = kind.isCorrection ? EventDomain.allCases : [kind.domain]
    for domain in domains {
      let now = state.figures.indicators(of: domain, year: year)
      guard domain == .indicator else {
        let d = Self.domains.firstIndex(of: domain)!
        for (place, i) in now.enumerated() where !i.value.isSameValue(as: last[d][place]) {
          last[d][place] = i.value
          moved(i.key, by: record, correction: kind.isCorrection)
        }
        continue
      }
      // A reported figure can also vanish (a correction moved it to another scope): it is then null.
      var seen = Set<String>()
      for i in now {
        seen.insert(i.key)
        if !i.value.isSameValue(as: reported[i.key] ?? .null) {
          reported[i.key] = i.value
          moved(i.key, by: record, correction: kind.isCorrection)
        }
      }
      for (key, value) in reported where !seen.contains(key) && value != .null {
        reported[key] = .null
        moved(key, by: record, correction: kind.isCorrection)
      }
    }
  }
}
