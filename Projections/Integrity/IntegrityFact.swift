import Domain
import Journal

/// What the integrity rules (EVENTS.md §3) need to know of one effective
/// domain event: its kind, its key (member, campaign or contract) and its
/// valid date (days since 1970, Europe/Paris calendar).
struct IntegrityFact: Sendable, Equatable {
  enum Kind: UInt8, Sendable {
    case memberJoined = 1
    case memberLeft, boardElected, campaignOpened, campaignClosed, pledgeMade, contractAwarded, hoursReported
  }

  var kind: Kind
  /// `memberId`, `campaignId` or `contractId` (empty for boards).
  var id: String
  var day: Int32
  /// Board members (boards only).
  var members: [String] = []

  /// The keys this fact is filed under.
  var keys: [IntegrityKey] {
    switch kind {
    case .memberJoined, .memberLeft: [IntegrityKey(.member, id)]
    case .boardElected: members.map { IntegrityKey(.member, $0) }
    case .campaignOpened, .campaignClosed, .pledgeMade: [IntegrityKey(.campaign, id)]
    case .contractAwarded, .hoursReported: [IntegrityKey(.contract, id)]
    }
  }

  /// Whether some integrity rule looks at events of `kind`.
  static func isKeyed(_ kind: EventKind) -> Bool {
    switch kind {
    case .poleMemberJoined, .poleMemberLeft, .poleBoardElected, .okoteCampaignOpened, .okoteCampaignClosed, .okotePledgeMade,
      .procurementContractAwarded, .procurementInsertionHoursReported:
      true
    default: false
    }
  }

  /// The fact of an effective event; nil for kinds no integrity rule looks at.
  static func of(_ e: EffectiveEvent) -> IntegrityFact? {
    let day = e.time.day
    // One member read from the data (the scan stops at it), not a view of all the type's fields.
    func id(_ key: String) -> String { e.data.string(key) ?? "" }
    switch e.kind {
    case .poleMemberJoined: return IntegrityFact(kind: .memberJoined, id: id(Key.member), day: day)
    case .poleMemberLeft: return IntegrityFact(kind: .memberLeft, id: id(Key.member), day: day)
    case .poleBoardElected:
      return IntegrityFact(kind: .boardElected, id: "", day: day, members: PoleBoardElected.View(e.data).memberIds)
    case .okoteCampaignOpened: return IntegrityFact(kind: .campaignOpened, id: id(Key.campaign), day: day)
    case .okoteCampaignClosed: return IntegrityFact(kind: .campaignClosed, id: id(Key.campaign), day: day)
    case .okotePledgeMade: return IntegrityFact(kind: .pledgeMade, id: id(Key.campaign), day: day)
    case .procurementContractAwarded: return IntegrityFact(kind: .contractAwarded, id: id(Key.contract), day: day)
    case .procurementInsertionHoursReported: return IntegrityFact(kind: .hoursReported, id: id(Key.contract), day: day)
    default: return nil
    }
  }

  /// The member naming each key, as the types declare it (the same name in every type that carries it).
  enum Key {
    static let member = PoleMemberJoined.Field.memberId.name
    static let campaign = OkoteCampaignOpened.Field.campaignId.name
    static let contract = ProcurementContractAwarded.Field.contractId.name
  }
}
