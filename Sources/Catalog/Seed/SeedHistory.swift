import Journal

/// Milestones of the seed document (`shared/seed/`, the 13-year bilan of the
/// Strasbourg Conseil de l'ESS), as events. Where the document gives only a
/// month or a year, the first day is used and `source` says so.
///
/// This is the first slice of the bundled history; the full history (SPASER
/// contracts and reports summing to the published totals, the Pôle's members,
/// Okoté campaigns…) comes with the catalog and projections.
public enum SeedHistory {
  static let source = "bilan du Conseil de l'ESS 2010-2023"

  static func e(
    _ type: String, _ on: String, _ data: JSONValue, note: String? = nil
  ) -> NewEvent {
    NewEvent(
      type: type, occurredOn: on, author: "seed", source: note.map { "\(source) (\($0))" } ?? source, data: data)
  }

  /// The events, in order of occurrence.
  public static let events: [NewEvent] = [
    e("milestone.reached", "2010-11-25", ["title": "Définition des missions du Conseil de l'ESS", "kind": "founding"]),
    e("milestone.reached", "2011-03-11", ["title": "Installation du Conseil de l'ESS", "kind": "founding"]),
    e(
      "conseil.plenary-held", "2012-11-08", ["title": "Séance avec Benoît Hamon, ministre délégué à l'ESS", "participants": 160],
      note: "plus de 160 participants"),
    e(
      "conseil.plenary-held", "2013-09-16", ["title": "Préparation de « Entrepreneurs sociaux, prenez la parole ! »", "participants": 0],
      note: "participants non publiés"),
    e(
      "conseil.workshop-held", "2015-06-25", ["theme": "Feuille de route économique de l'Eurométropole", "participants": 0],
      note: "participants non publiés"),
    e(
      "milestone.reached", "2015-01-01", ["title": "Délibération Territoire de commerce équitable", "kind": "deliberation"],
      note: "année seule, 1er janvier retenu"),
    e("conseil.plenary-held", "2017-04-06", ["title": "Examen du rapport du GECES", "participants": 0], note: "participants non publiés"),
    e(
      "conseil.plenary-held", "2018-09-14", ["title": "Accueil de la Commission européenne (programme ESER)", "participants": 0],
      note: "participants non publiés"),
    e(
      "conseil.plenary-held", "2019-02-05", ["title": "Feuille de route de Capitale européenne de l'ESS", "participants": 0],
      note: "participants non publiés"),
    e(
      "milestone.reached", "2021-06-01", ["title": "Nouveau SPASER délibéré", "kind": "deliberation"], note: "juin 2021, 1er du mois retenu"
    ),
    e(
      "conseil.plenary-held", "2021-09-15", ["title": "« L'économie sociale, le futur de l'Europe » : co-construction", "participants": 0],
      note: "participants non publiés"),
    e(
      "pole.general-assembly-held", "2021-11-09", ["attendees": 30, "title": "Assemblée générale constitutive du Pôle ESS"],
      note: "une trentaine de structures"),
    e(
      "indicator.reported", "2022-05-01",
      ["indicator": "manifestation.attendees", "value": 0, "unit": "persons", "scope": "L'économie sociale, le futur de l'Europe"],
      note: "mai 2022, 1er du mois retenu ; fréquentation à compléter"),
    e(
      "marcheoff.edition-reported", "2022-12-24",
      [
        "edition": 2022, "exhibitors": 32, "partners": 33, "eventsCount": 130, "revenueEUR": 435000, "opensOn": "2022-11-25",
        "closesOn": "2022-12-24",
      ],
      note: "chiffre d'affaires « environ 435 000 € »"),
    e("books.donation-counted", "2022-12-31", ["books": 4265], note: "total cumulé, 1 € reversé pour 10 livres"),
    e(
      "milestone.reached", "2023-01-01", ["title": "Ouverture de KaléidosCOOP", "kind": "event"], note: "janvier 2023, 1er du mois retenu"),
    e(
      "pole.general-assembly-held", "2023-04-13", ["attendees": 30, "title": "Assemblée générale : projet stratégique du Pôle"],
      note: "participation non publiée, une trentaine d'adhérents"),
  ]
}
