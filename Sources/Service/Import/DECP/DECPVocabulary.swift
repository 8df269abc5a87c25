/// The enumerations of the published DECP schemas (139bercy/format-commande-publique:
/// `schema_decp_v2.0.3.json` and `schema_decp_v2.0.2.xsd` for v2, `marches.json` 1.5.0 for
/// v1.5), exactly as they are written there: a value must match one of them,
/// accents and case included.
enum DECPVocabulary {
  /// `nature` of a v2 `marche`.
  static let natureV2 = ["Marché", "Marché de partenariat", "Marché de défense ou de sécurité"]
  /// `nature` of a v1.5 `marche`.
  static let natureV15 = ["Marché", "Marché de partenariat", "Accord-cadre", "Marché subséquent"]
  /// The nature whose records are skipped (defence and security).
  static let defence = "Marché de défense ou de sécurité"

  static let procedureV2 = [
    "Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint", "Procédure avec négociation",
    "Marché passé sans publicité ni mise en concurrence préalable", "Dialogue compétitif",
  ]
  /// As the 1.5.0 schema spells them (its "négotiation" included).
  static let procedureV15 = [
    "Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint",
    "Marché négocié sans publicité ni mise en concurrence préalable", "Dialogue compétitif", "Procédure avec négotiation",
  ]

  static let technique = [
    "Accord-cadre", "Concours", "Système de qualification", "Système d'acquisition dynamique", "Catalogue électronique",
    "Enchère électronique", "Sans objet",
  ]
  /// The technique that makes `montant` an estimated maximum.
  static let framework = "Accord-cadre"
  static let modaliteExecution = ["Tranches", "Bons de commande", "Marchés subséquents", "Sans objet"]
  static let ccag = [
    "Travaux", "Maitrise d'œuvre", "Fournitures courantes et services", "Marchés industriels", "Prestations intellectuelles",
    "Techniques de l'information et de la communication", "Pas de CCAG",
  ]
  static let typeGroupementOperateurs = ["Conjoint", "Solidaire", "Pas de groupement"]
  static let formePrixV2 = ["Unitaire", "Forfaitaire", "Mixte"]
  static let formePrixV15 = ["Ferme", "Ferme et actualisable", "Révisable"]
  static let typePrix = ["Définitif ferme", "Définitif actualisable", "Définitif révisable", "Provisoire"]
  static let typeCode = [
    "Code postal", "Code commune", "Code arrondissement", "Code canton", "Code département", "Code région", "Code pays",
  ]
  static let typeIdentifiantV2 = ["SIRET", "TVA", "TAHITI", "RIDET", "FRWF", "IREP", "HORS-UE"]
  static let typeIdentifiantV15 = ["SIRET", "TVA", "TAHITI", "RIDET", "FRWF", "IREP", "UE", "HORS-UE"]

  static let considerationSociale = ["Clause sociale", "Critère social", "Marché réservé", "Pas de considération sociale"]
  /// The one social value that is not a social consideration.
  static let noSocial = "Pas de considération sociale"
  static let considerationEnvironnementale = [
    "Clause environnementale", "Critère environnemental", "Pas de considération environnementale",
  ]
  static let noEnvironmental = "Pas de considération environnementale"
}
