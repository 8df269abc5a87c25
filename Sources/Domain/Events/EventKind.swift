import Journal

/// Every event type of the catalog, by name (EVENTS.md §2–§3). The type
/// names are written here and nowhere else: code compares kinds, not strings.
///
/// ```swift
/// EventKind.lookup("okote.pledge-made")   // .okotePledgeMade (a table lookup, for every event folded)
/// EventKind.okotePledgeMade.domain        // .okote
/// EventKind.okotePledgeMade.eventType.summary
/// ```
public enum EventKind: String, CaseIterable, Sendable, Hashable {
  case poleMemberJoined = "pole.member-joined"
  case poleMemberLeft = "pole.member-left"
  case poleBoardElected = "pole.board-elected"
  case poleGeneralAssemblyHeld = "pole.general-assembly-held"
  case conseilPlenaryHeld = "conseil.plenary-held"
  case conseilWorkshopHeld = "conseil.workshop-held"
  case procurementContractAwarded = "procurement.contract-awarded"
  case procurementInsertionHoursReported = "procurement.insertion-hours-reported"
  case procurementTenderUnsuccessful = "procurement.tender-unsuccessful"
  case okoteCampaignOpened = "okote.campaign-opened"
  case okotePledgeMade = "okote.pledge-made"
  case okoteCampaignClosed = "okote.campaign-closed"
  case booksDonationCounted = "books.donation-counted"
  case marcheOffEditionReported = "marcheoff.edition-reported"
  case indicatorReported = "indicator.reported"
  case milestoneReached = "milestone.reached"
  case eventCorrected = "event.corrected"
  case eventRetracted = "event.retracted"
  // New kinds go last: a kind's place is its code in saved caches.
  case bilanPublished = "bilan.published"
  case subsidyGranted = "subsidy.granted"

  /// The type that describes this kind: its fields, rules and typed view.
  public var eventType: any DomainEvent.Type {
    switch self {
    case .poleMemberJoined: PoleMemberJoined.self
    case .poleMemberLeft: PoleMemberLeft.self
    case .poleBoardElected: PoleBoardElected.self
    case .poleGeneralAssemblyHeld: PoleGeneralAssemblyHeld.self
    case .conseilPlenaryHeld: ConseilPlenaryHeld.self
    case .conseilWorkshopHeld: ConseilWorkshopHeld.self
    case .procurementContractAwarded: ProcurementContractAwarded.self
    case .procurementInsertionHoursReported: ProcurementInsertionHoursReported.self
    case .procurementTenderUnsuccessful: ProcurementTenderUnsuccessful.self
    case .okoteCampaignOpened: OkoteCampaignOpened.self
    case .okotePledgeMade: OkotePledgeMade.self
    case .okoteCampaignClosed: OkoteCampaignClosed.self
    case .booksDonationCounted: BooksDonationCounted.self
    case .marcheOffEditionReported: MarcheOffEditionReported.self
    case .indicatorReported: IndicatorReported.self
    case .milestoneReached: MilestoneReached.self
    case .bilanPublished: BilanPublished.self
    case .subsidyGranted: SubsidyGranted.self
    case .eventCorrected: EventCorrected.self
    case .eventRetracted: EventRetracted.self
    }
  }

  /// The part of the policy this kind belongs to.
  public var domain: EventDomain {
    switch self {
    case .poleMemberJoined, .poleMemberLeft, .poleBoardElected, .poleGeneralAssemblyHeld: .pole
    case .conseilPlenaryHeld, .conseilWorkshopHeld: .conseil
    case .procurementContractAwarded, .procurementInsertionHoursReported, .procurementTenderUnsuccessful: .procurement
    case .okoteCampaignOpened, .okotePledgeMade, .okoteCampaignClosed: .okote
    case .booksDonationCounted: .books
    case .marcheOffEditionReported: .marcheOff
    case .indicatorReported: .indicator
    case .milestoneReached: .milestone
    case .bilanPublished: .publication
    case .subsidyGranted: .subsidy
    case .eventCorrected, .eventRetracted: .correction
    }
  }

  /// Whether events of this kind amend another event (EVENTS.md §2) rather than record a fact.
  public var isCorrection: Bool { domain == .correction }

  /// The current schema version of this kind.
  public var version: Int { eventType.version }

  /// The kind named `name`, or nil: an open-addressing table over the name's
  /// bytes (no `String` hashing), cheap enough to run for every event read.
  public static func lookup(_ name: String) -> EventKind? {
    entry(name)?.kind
  }

  /// A kind as the folds look it up: itself, its code and its current schema version, from one table lookup.
  package struct Entry: Sendable {
    package var kind: EventKind
    /// Its place in ``allCases``, for compact tables and files.
    package var code: UInt8
    package var version: Int
  }

  /// The entry of the kind named `name`, or nil.
  package static func entry(_ name: String) -> Entry? {
    table[name].map { Entry(kind: all[$0 & 0xFF], code: UInt8($0 & 0xFF), version: $0 >> 8) }
  }

  /// The kind of a code (``Entry/code``).
  package init?(code: UInt8) {
    guard Int(code) < Self.all.count else { return nil }
    self = Self.all[Int(code)]
  }

  private static let all = allCases
  /// Name → place in ``allCases`` | current version << 8.
  private static let table = TypeTable(allCases.enumerated().map { ($0.element.rawValue, $0.offset | $0.element.eventType.version << 8) })
}
