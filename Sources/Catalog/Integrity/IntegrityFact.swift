import Journal

/// What the integrity rules (EVENTS.md §3) need to know of one effective
/// domain event: its kind, its key (member, campaign or contract) and its
/// valid date (days since 1970, Europe/Paris calendar).
struct IntegrityFact: Sendable, Equatable {
  enum Kind: UInt8, Sendable {
    case memberJoined = 1
    case memberLeft, boardElected, campaignOpened, campaignClosed, pledgeMade, contractAwarded,
      hoursReported
  }

  var kind: Kind
  /// `memberId`, `campaignId` or `contractId` (empty for boards).
  var key: String
  var day: Int32
  /// Board members (boards only).
  var members: [String] = []

  /// The index keys this fact is filed under.
  var indexKeys: [String] {
    switch kind {
    case .memberJoined, .memberLeft: return ["m:" + key]
    case .boardElected: return members.map { "m:" + $0 }
    case .campaignOpened, .campaignClosed, .pledgeMade: return ["c:" + key]
    case .contractAwarded, .hoursReported: return ["k:" + key]
    }
  }

  /// The types some integrity rule looks at.
  static let keyedTypes: Set<String> = [
    "pole.member-joined", "pole.member-left", "pole.board-elected", "okote.campaign-opened", "okote.campaign-closed",
    "okote.pledge-made", "procurement.contract-awarded", "procurement.insertion-hours-reported",
  ]

  /// The fact of a domain event whose data already passed the catalog's field
  /// rules; nil for types no integrity rule looks at.
  static func of(type: String, data: JSONValue, day: Int32) -> IntegrityFact? {
    func s(_ k: String) -> String { data[k]?.stringValue ?? "" }
    switch type {
    case "pole.member-joined": return IntegrityFact(kind: .memberJoined, key: s("memberId"), day: day)
    case "pole.member-left": return IntegrityFact(kind: .memberLeft, key: s("memberId"), day: day)
    case "pole.board-elected":
      let ids = data["memberIds"]?.arrayValue?.compactMap(\.stringValue) ?? []
      return IntegrityFact(kind: .boardElected, key: "", day: day, members: ids)
    case "okote.campaign-opened": return IntegrityFact(kind: .campaignOpened, key: s("campaignId"), day: day)
    case "okote.campaign-closed": return IntegrityFact(kind: .campaignClosed, key: s("campaignId"), day: day)
    case "okote.pledge-made": return IntegrityFact(kind: .pledgeMade, key: s("campaignId"), day: day)
    case "procurement.contract-awarded": return IntegrityFact(kind: .contractAwarded, key: s("contractId"), day: day)
    case "procurement.insertion-hours-reported": return IntegrityFact(kind: .hoursReported, key: s("contractId"), day: day)
    default: return nil
    }
  }

  static func dayString(_ day: Int32) -> String { CivilDate(daysSince1970: Int64(day)).description }
}
