import Domain
import Journal

/// The valid-time years in which each part of the policy has events: how a
/// report tells a year "not recorded" from a year at zero.
///
/// ```swift
/// var years = DomainYears.initial
/// for r in records { DomainYears.apply(r, to: &years) }
/// years.recorded(.okote, 2019)   // false: no Okoté event dated 2019
/// ```
public enum DomainYears: Projection {
  public struct State: Sendable, Equatable {
    public var years: [EventDomain: Set<Int>] = [:]
    public init() {}

    /// Whether `domain` has an event dated in `year`.
    public func recorded(_ domain: EventDomain, _ year: Int) -> Bool { years[domain]?.contains(year) ?? false }
    /// The first year `domain` has an event in, if any.
    public func first(_ domain: EventDomain) -> Int? { years[domain]?.min() }
  }

  public static var initial: State { State() }

  public static func apply(_ record: Record, to state: inout State) {
    guard let kind = EventKind.entry(record.type)?.kind, !kind.isCorrection, let year = Self.year(record.occurredOnBytes) else { return }
    if state.years[kind.domain]?.contains(year) != true { state.years[kind.domain, default: []].insert(year) }
  }

  /// The year of a valid time, from its first four ASCII digits.
  package static func year(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard bytes.count >= 4 else { return nil }
    var y = 0
    for b in bytes.prefix(4) {
      guard (48...57).contains(b) else { return nil }
      y = y * 10 + Int(b - 48)
    }
    return y
  }
}
