/// The additive figures of one valid-time year. Every field moves by ± the
/// event's contribution, so a removal (retraction, or the old side of a
/// correction) undoes exactly what its addition did.
public struct YearTotals: Sendable, Equatable {
  public var membersJoined: Int64 = 0
  public var membersLeft: Int64 = 0
  public var generalAssemblies: Int64 = 0
  public var plenaries: Int64 = 0
  public var plenaryParticipants: Int64 = 0
  public var workshops: Int64 = 0
  public var workshopParticipants: Int64 = 0
  public var contracts: Int64 = 0
  public var socialClause: Int64 = 0
  public var environmentalClause: Int64 = 0
  public var fairTradeClause: Int64 = 0
  public var sme: Int64 = 0
  public var local: Int64 = 0
  public var essAmountCents: Int64 = 0
  public var amountCents: Int64 = 0
  public var insertionHours: Int64 = 0
  public var trainingHours: Int64 = 0
  public var beneficiaries: Int64 = 0
  public var beneficiariesQPV: Int64 = 0
  public var unsuccessfulTenders: Int64 = 0
  public var campaignsOpened: Int64 = 0
  public var campaignsFunded: Int64 = 0
  public var okoteCents: Int64 = 0
  public var okoteCitizensCents: Int64 = 0
  public var okoteCompaniesCents: Int64 = 0
  public var okotePublicCents: Int64 = 0
  public var books: Int64 = 0
  /// Pledges per contributor, by kind (distinct counts: keys with a positive count).
  public var citizens: [String: Int64] = [:]
  public var companies: [String: Int64] = [:]

  public init() {}
}
