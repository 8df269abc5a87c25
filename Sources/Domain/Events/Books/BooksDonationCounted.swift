import Journal

/// `books.donation-counted`: books given and counted (10 books given = 1 €
/// paid to Lire et faire lire; see ``View/donatedEUR``).
///
/// ```swift
/// let e = try BooksDonationCounted.view(validating: ["books": 4265, "site": "Médiathèque Malraux"])
/// e.donatedEUR.description  // "426.50"
/// ```
public enum BooksDonationCounted: DomainEvent {
  public static let kind = EventKind.booksDonationCounted
  public static let version = 1
  public static let summary = "Books given for Lire et faire lire are counted (10 books = 1 € donated)."
  public static let summaryFR = "Les livres donnés pour Lire et faire lire sont comptés (10 livres = 1 € reversé)."
  public static let example =
    "ess append books.donation-counted books=4265 site='Médiathèque Malraux' --occurred-on 2022-12-31 --author c.muller --source 'compteur 2022'"

  public enum Field: Int, EventField { case books, site }
  public static let fields: [FieldSpec] = [
    .required(Field.books, .positiveCount, "How many books were counted.", fr: "Nombre de livres comptés.", labelFR: "livres"),
    .optional(Field.site, .text(maxLength: 200), "Where they were collected.", fr: "Lieu de la collecte.", labelFR: "lieu de collecte"),
  ]
  static let keys = JSONKeys(Field.self)

  /// What one book is worth to Lire et faire lire: 0.10 €.
  public static let eurosPerBook = Euros(cents: 10)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(BooksDonationCounted.keys) }
    public var books: Int64 { m.int64(Field.books) ?? 0 }
    public var site: String? { m.string(Field.site) }
    /// The euros these books are worth, exactly: `books × 0.10 €`.
    public var donatedEUR: Euros { eurosPerBook * books }
  }
}
