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
  var values: [String: Bilan.Value] = [:]

  public init(year: Int) {
    self.year = year
    let empty = BilanState()
    for domain in EventDomain.allCases {
      for i in empty.indicators(of: domain, year: year) { values[i.key] = i.value }
    }
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
      var now: [(key: String, value: Bilan.Value)] = state.figures.indicators(of: domain, year: year).map { ($0.key, $0.value) }
      // A reported figure can also vanish (a correction moved it to another scope): it is then null.
      if domain == .indicator {
        let present = Set(now.map(\.key))
        now += values.filter { $0.key.hasPrefix("reported.") && !present.contains($0.key) }.map { ($0.key, .null) }
      }
      for (key, value) in now {
        let before = values[key] ?? .null
        guard !value.isSameValue(as: before) else { continue }
        values[key] = value
        let source = record.source ?? ""
        if !(sources[key]?.contains(source) ?? false) { sources[key, default: []].append(source) }
        if kind.isCorrection { corrected.insert(key) }
      }
    }
  }
}
