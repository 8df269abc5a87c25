import Domain

extension EventDomain {
  /// The prefix of the domain's indicator keys in BILAN.md (`pole.`, …;
  /// figures reported by partners are `reported.*`); nil for domains without indicators.
  public var keyPrefix: String? {
    switch self {
    case .pole: "pole."
    case .conseil: "conseil."
    case .procurement: "procurement."
    case .okote: "okote."
    case .books: "books."
    case .marcheOff: "marcheoff."
    case .subsidy: "subsidy."
    case .indicator: "reported."
    case .milestone, .correction, .publication: nil
    }
  }

  /// The domain whose fold makes indicator `key`, or nil.
  public static func of(key: String) -> EventDomain? {
    allCases.first { $0.keyPrefix.map(key.hasPrefix) ?? false }
  }
}
