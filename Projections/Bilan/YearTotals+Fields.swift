extension YearTotals {
  /// Every counter by name, in a fixed order (checkpoints encode them by name).
  /// Key paths are immutable values; the array is never mutated.
  nonisolated(unsafe) static let counters: [(String, WritableKeyPath<YearTotals, Int64>)] = [
    ("membersJoined", \.membersJoined), ("membersLeft", \.membersLeft), ("generalAssemblies", \.generalAssemblies),
    ("plenaries", \.plenaries), ("plenaryParticipants", \.plenaryParticipants), ("workshops", \.workshops),
    ("workshopParticipants", \.workshopParticipants), ("contracts", \.contracts), ("socialClause", \.socialClause),
    ("environmentalClause", \.environmentalClause), ("fairTradeClause", \.fairTradeClause), ("sme", \.sme), ("local", \.local),
    ("essAmountCents", \.essAmountCents), ("amountCents", \.amountCents), ("insertionHours", \.insertionHours),
    ("trainingHours", \.trainingHours), ("beneficiaries", \.beneficiaries), ("beneficiariesQPV", \.beneficiariesQPV),
    ("unsuccessfulTenders", \.unsuccessfulTenders), ("campaignsOpened", \.campaignsOpened), ("campaignsFunded", \.campaignsFunded),
    ("okoteCents", \.okoteCents), ("okoteCitizensCents", \.okoteCitizensCents), ("okoteCompaniesCents", \.okoteCompaniesCents),
    ("okotePublicCents", \.okotePublicCents), ("books", \.books),
  ]
}
