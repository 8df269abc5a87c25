import Journal

/// `books.donation-counted`: books given and counted (10 books given = 1 €
/// paid to Lire et faire lire; see ``donatedEUR``).
///
/// ```swift
/// let e = try BooksDonationCounted(validating: ["books": 4265, "site": "Médiathèque Malraux"])
/// e.donatedEUR.description  // "426.50"
/// ```
public struct BooksDonationCounted: DomainEvent {
  public static let type = "books.donation-counted"
  public static let version = 1
  public static let summary = "Books given for Lire et faire lire are counted (10 books = 1 € donated)."
  public static let example =
    "ess append books.donation-counted books=4265 site='Médiathèque Malraux' --occurred-on 2022-12-31 --author c.muller --source 'compteur 2022'"
  public static let fields: [FieldSpec] = [
    .required("books", .positiveCount, "How many books were counted."),
    .optional("site", .text(maxLength: 200), "Where they were collected."),
  ]

  /// What one book is worth to Lire et faire lire: 0.10 €.
  public static let eurosPerBook = Euros(cents: 10)

  public let books: Int
  public let site: String?

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    books = r.count("books")
    site = r.optionalText("site")
  }

  /// The euros these books are worth, exactly: `books × 0.10 €`.
  public var donatedEUR: Euros { Self.eurosPerBook * Int64(books) }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    var o: [String: JSONValue] = ["books": .number(JSONNumber(Int64(books)))]
    if let site { o["site"] = .string(site) }
    return .object(o)
  }
}
