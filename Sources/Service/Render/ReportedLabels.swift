/// Labels of the figures partners report (`indicator.reported`), in French
/// and English: those of the bundled history, and a readable fallback for
/// any other slug (its words, dashes and dots as spaces).
///
/// ```swift
/// ReportedLabels.label("manifestation.attendees", .fr)   // "Participants à la manifestation"
/// ReportedLabels.label("forum.visitors", .en)            // "forum visitors"
/// ```
enum ReportedLabels {
  static let known: [String: (fr: String, en: String)] = [
    "manifestation.attendees": ("Participants à la manifestation", "Event attendees"),
    "manifestation.registrations": ("Inscriptions", "Registrations"),
    "manifestation.countries": ("Pays représentés", "Countries represented"),
    "manifestation.sessions": ("Sessions", "Sessions"),
    "manifestation.thematic-paths": ("Parcours thématiques", "Thematic paths"),
    "manifestation.visits": ("Visites", "Visits"),
    "manifestation.satisfaction": ("Participants satisfaits", "Satisfied attendees"),
    "manifestation.satisfaction-beyond": ("Participants plus que satisfaits", "Attendees more than satisfied"),
    "manifestation.programme-praised": ("Programme apprécié", "Programme praised"),
    "manifestation.ess-revenue": ("Chiffre d'affaires réalisé avec l'ESS", "Revenue spent with ESS suppliers"),
    "manifestation.ess-revenue-share": ("Part du budget confiée à l'ESS", "Share of the budget spent with the ESS"),
    "manifestation.insertion-hours": ("Heures d'insertion", "Insertion hours"),
    "manifestation.training-hours": ("Heures de formation", "Training hours"),
    "forum-ouvert.attendees": ("Participants au forum ouvert", "Open forum attendees"),
    "forum-ouvert.project-ideas": ("Idées de projets", "Project ideas"),
    "forum-metiers-sens.participants": ("Participants au forum", "Forum participants"),
    "forum-metiers-sens.ess-actors": ("Acteurs de l'ESS présents", "ESS organisations present"),
    "conquete-est.attendees": ("Visiteurs", "Visitors"),
    "conquete-est.ess-structures": ("Structures de l'ESS", "ESS organisations"),
    "defi-ess-recrute.companies": ("Entreprises engagées", "Companies involved"),
    "coopette.surface": ("Surface", "Floor area"),
    "coopette.structures": ("Structures présentes", "Organisations hosted"),
    "kaleidoscoop.actors": ("Acteurs réunis", "Organisations gathered"),
    "vises.structures": ("Structures accompagnées", "Organisations supported"),
    "aperos-ess.participants": ("Participants par apéro", "Participants per gathering"),
    "conseil.participants-total": ("Participants au Conseil, au total", "Council participants, in all"),
    "conseil.workshop-meetings-total": ("Réunions d'ateliers, au total", "Workshop meetings, in all"),
    "conseil.workshop-participants-total": ("Participants aux ateliers, au total", "Workshop participants, in all"),
    "conseil.institutional-partners": ("Partenaires institutionnels", "Institutional partners"),
    "conseil.elected-officials": ("Élus mobilisés", "Elected officials involved"),
    "conseil.agents": ("Agents mobilisés", "Public servants involved"),
    "conseil.actors": ("Acteurs mobilisés", "Organisations involved"),
  ]

  /// The label of indicator slug `slug`.
  static func label(_ slug: String, _ language: BilanLanguage) -> String {
    if let l = known[slug] { return language == .fr ? l.fr : l.en }
    return String(slug.map { $0 == "." || $0 == "-" || $0 == "_" ? " " : $0 })
  }

  /// A unit written freely (not one of the standard ones), for reading: `m2` → `m²`; `count` is no unit.
  static func unit(_ unit: String, _ language: BilanLanguage) -> String? {
    switch unit.lowercased() {
    case "count", "number", "", "nombre": return nil
    case "m2": return "m²"
    default: return unit
    }
  }
}
