import Domain
import Journal
import Projections

/// The language of a rendered bilan.
public enum BilanLanguage: String, Sendable, CaseIterable {
  case fr, en
}

/// Labels of the indicators and sections, in French and English.
public enum BilanLabels {
  static let labels: [String: (fr: String, en: String)] = [
    "pole.members_at_year_end": ("Membres au 31 décembre", "Members on 31 December"),
    "pole.members_joined": ("Adhésions dans l'année", "Members who joined"),
    "pole.members_left": ("Départs dans l'année", "Members who left"),
    "pole.board_size": ("Membres du bureau", "Board members"),
    "pole.general_assemblies": ("Assemblées générales", "General assemblies"),
    "conseil.plenaries": ("Séances plénières", "Plenary sessions"),
    "conseil.plenary_participants": ("Participants aux plénières", "Plenary participants"),
    "conseil.workshop_meetings": ("Ateliers", "Workshops"),
    "conseil.workshop_participants": ("Participants aux ateliers", "Workshop participants"),
    "procurement.contracts_awarded": ("Marchés attribués", "Contracts awarded"),
    "procurement.social_clause_share": ("Marchés avec clause sociale", "Contracts with a social clause"),
    "procurement.environmental_clause_share": ("Marchés avec clause environnementale", "Contracts with an environmental clause"),
    "procurement.fair_trade_clause_share": ("Marchés avec clause commerce équitable", "Contracts with a fair-trade clause"),
    "procurement.sme_share": ("Marchés attribués à des TPE/PME", "Contracts awarded to small businesses"),
    "procurement.local_share": ("Marchés attribués à des entreprises du Bas-Rhin", "Contracts awarded to Bas-Rhin businesses"),
    "procurement.ess_amount_eur": ("Achats auprès de l'ESS", "Purchases from ESS organisations"),
    "procurement.amount_eur": ("Montant total attribué", "Total amount awarded"),
    "procurement.insertion_hours": ("Heures d'insertion", "Insertion hours"),
    "procurement.training_hours": ("dont heures de formation", "of which training hours"),
    "procurement.beneficiaries": ("Bénéficiaires", "Beneficiaries"),
    "procurement.beneficiaries_qpv_share": ("Bénéficiaires habitant un QPV", "Beneficiaries living in a QPV"),
    "procurement.unsuccessful_tenders": ("Appels d'offres infructueux", "Unsuccessful tenders"),
    "okote.campaigns_opened": ("Campagnes ouvertes", "Campaigns opened"),
    "okote.campaigns_funded": ("Campagnes financées", "Campaigns funded"),
    "okote.amount_eur": ("Montant collecté", "Amount pledged"),
    "okote.amount_citizens_eur": ("dont habitants", "of which residents"),
    "okote.amount_companies_eur": ("dont entreprises", "of which companies"),
    "okote.amount_public_eur": ("dont institutions", "of which public bodies"),
    "okote.citizens": ("Habitants contributeurs", "Contributing residents"),
    "okote.companies": ("Entreprises engagées", "Companies involved"),
    "books.collected": ("Livres collectés", "Books collected"),
    "books.donated_eur": ("Reversés à Lire et faire lire", "Donated to Lire et faire lire"),
    "books.collected_total": ("Livres collectés depuis le début", "Books collected to date"),
    "books.donated_total_eur": ("Reversés depuis le début", "Donated to date"),
    "marcheoff.exhibitors": ("Exposants", "Exhibitors"),
    "marcheoff.partners": ("Partenaires associatifs", "Partner associations"),
    "marcheoff.events": ("Événements", "Events"),
    "marcheoff.revenue_eur": ("Chiffre d'affaires des exposants", "Exhibitors' revenue"),
    "subsidy.grants": ("Subventions accordées", "Subsidies granted"),
    "subsidy.amount_eur": ("Montant des subventions", "Amount of the subsidies"),
  ]

  /// "Lu dans le journal jusqu'au seq 1358 (hash …), tout le journal." — what every report says it read.
  static func readFrom(seq: UInt64, hash: ChainHash, asKnownOn: String?, _ language: BilanLanguage) -> String {
    let fr = language == .fr
    let cut = asKnownOn.map { fr ? "tel que connu le \($0)" : "as known on \($0)" } ?? (fr ? "tout le journal" : "the whole journal")
    return fr
      ? "Lu dans le journal jusqu'au seq \(seq) (hash \(hash)), \(cut)." : "Read from the journal up to seq \(seq) (hash \(hash)), \(cut)."
  }

  static let sections: [(prefix: String, fr: String, en: String)] = [
    ("pole.", "Pôle territorial de l'ESS", "The local ESS hub (Pôle)"),
    ("conseil.", "Conseil de l'ESS", "The ESS Council"),
    ("procurement.", "Commande publique responsable (SPASER)", "Responsible public procurement (SPASER)"),
    ("okote.", "Okoté, financement participatif", "Okoté matchfunding"),
    ("books.", "Livres donnés", "Books donated"),
    ("marcheoff.", "Marché OFF de Noël", "The Marché OFF Christmas market"),
    ("subsidy.", "Subventions aux structures de l'ESS", "Subsidies to ESS structures"),
    ("reported.", "Chiffres rapportés par les partenaires", "Figures reported by partners"),
  ]

  /// The label of indicator `key` (BILAN.md).
  public static func label(_ key: String, _ language: BilanLanguage) -> String {
    if let l = labels[key] { return language == .fr ? l.fr : l.en }
    if key.hasPrefix("reported.") { return String(key.dropFirst("reported.".count)) }
    return key
  }

  /// The label of an indicator of a bilan: a reported figure's reads its slug's label, then its scope after a dash.
  public static func label(_ indicator: Bilan.Indicator, reported: Bilan.Reported?, _ language: BilanLanguage) -> String {
    guard let reported else { return label(indicator.key, language) }
    let name = ReportedLabels.label(reported.indicator, language)
    return reported.scope.map { "\(name) — \($0)" } ?? name
  }

  /// A milestone's kind, in the report's language.
  public static func milestoneKind(_ kind: String, _ language: BilanLanguage) -> String {
    let fr = language == .fr
    switch MilestoneKind(rawValue: kind) {
    case .label: return "label"
    case .award: return fr ? "prix" : "award"
    case .deliberation: return fr ? "délibération" : "deliberation"
    case .founding: return fr ? "fondation" : "founding"
    case .event: return fr ? "événement" : "event"
    case .other: return fr ? "autre" : "other"
    case nil: return kind
    }
  }
}
