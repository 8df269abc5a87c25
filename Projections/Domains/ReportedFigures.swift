import Domain
import Journal

/// Figures reported by partners (`indicator.reported`): the latest value
/// by valid time of each `reported.<indicator>[.<scope>]` in each year.
package struct ReportedFigures: DomainFigures {
  var byYear: [Int: [String: StampedReports]] = [:]

  package init() {}

  package mutating func apply(_ e: EffectiveEvent, sign: Int64) {
    guard e.kind == .indicatorReported else { return }
    let report = IndicatorReported.View(e.data)
    var key = "reported." + report.indicator
    if let scope = report.scope { key += "." + scope }
    byYear[e.year, default: [:]][key, default: StampedReports()].set(e, sign: sign)
    if byYear[e.year]?[key]?.bySeq.isEmpty == true { byYear[e.year]?[key] = nil }
  }

  package func indicators(year: Int) -> [Bilan.Indicator] {
    (byYear[year] ?? [:]).sorted { $0.key < $1.key }.compactMap { key, reports in
      guard let latest = reports.latest.map(IndicatorReported.View.init) else { return nil }
      let unit: Bilan.Unit =
        switch IndicatorUnit.Standard(rawValue: latest.unit) {
        case .persons: .persons
        case .hours: .hours
        case .eur: .eur
        case .percent: .percent
        case nil: .number
        }
      return .init(key: key, value: latest.value.map { .number($0) } ?? .null, unit: unit)
    }
  }

  /// What each reported figure of `year` is, as written (slug, scope, unit), by key.
  package func details(year: Int) -> [String: Bilan.Reported] {
    var out: [String: Bilan.Reported] = [:]
    for (key, reports) in byYear[year] ?? [:] {
      guard let latest = reports.latest.map(IndicatorReported.View.init) else { continue }
      out[key] = Bilan.Reported(indicator: latest.indicator, scope: latest.scope, unit: latest.unit)
    }
    return out
  }

  package var encoded: JSONValue {
    .object(Dictionary(uniqueKeysWithValues: byYear.map { (String($0.key), .object($0.value.mapValues(\.encoded))) }))
  }

  package init?(decoding v: JSONValue) {
    guard let o = v.objectValue else { return nil }
    for (k, keys) in o {
      guard let y = Int(k), let m = keys.objectValue else { return nil }
      for (key, r) in m {
        guard let reports = StampedReports(decoding: r) else { return nil }
        byYear[y, default: [:]][key] = reports
      }
    }
  }
}
