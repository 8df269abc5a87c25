import Journal

/// `bilan.published`: a bilan was published with a signed receipt (PROOFS.md
/// §10.3). Logging it means two different "bilans 2022" cannot both be
/// published unnoticed: `ess log` and `ess history` show each one. It counts
/// in no bilan; `ess bilan … --receipt` appends it (events after the tree the
/// receipt covers, so never part of what it folded).
///
/// ```swift
/// let e = try BilanPublished.view(validating: ["year": 2022, "format": "json", "lang": "fr", …])
/// e.year  // 2022
/// ```
public enum BilanPublished: DomainEvent {
  public static let kind = EventKind.bilanPublished
  public static let version = 1
  public static let summary = "A bilan was published with a signed receipt: what was folded, how, and the SHA-256 of the bytes."
  public static let summaryFR = "Un bilan a été publié avec un reçu signé : ce qui a été lu, comment, et l'empreinte SHA-256 des octets."
  /// Usually appended by `ess bilan 2022 --format json --receipt bilan-2022.json.receipt --key publisher.key`; by hand, for a
  /// bilan published otherwise:
  public static let example =
    "ess append bilan.published year=2022 format=json lang=fr sha256=3ea564511d153f39a315a918b1b265d226ff8b61cb636f8b786bcf94414b93af bytes=1289 treeSize=3 treeRoot=SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0= readSeq=2 readHash=sha256:d0a94fdeb5cf29bc320b320af397fad63fb4564f0bbaadd9dd5b76f0dfaab0ec code=bilan-2 program=ess/0.2.0 issued=2026-01-01T00:00:00Z publisher=example.org/ess/test-bilans+4af77d5d+AfTJYbLx35VokvWWx05fEnKQoiAi4ZLSzqTi2eKwNVNF receiptSHA256=0f3c0d8f1a6e7b1c9d2e3f405162738495a6b7c8d9e0f1021324354657687980 --occurred-on 2026-01-01 --author c.muller"

  public enum Field: Int, EventField {
    case year, asKnownOn, format, lang, sha256, bytes, treeSize, treeRoot, readSeq, readHash, code, program, issued, publisher,
      receiptSHA256
  }
  public static let fields: [FieldSpec] = [
    .required(Field.year, .year, "The bilan's year.", fr: "L'année du bilan.", labelFR: "année"),
    .optional(
      Field.asKnownOn, .text(maxLength: 40), "The --as-known-on cut, as given.", fr: "La coupe --as-known-on, telle que donnée.",
      labelFR: "connu au"),
    .required(
      Field.format, .text(maxLength: 20), "The output format (json, csv, markdown, text…).", fr: "Le format de sortie.", labelFR: "format"),
    .required(Field.lang, .choice(["fr", "en"]), "The output's language.", fr: "La langue de la sortie.", labelFR: "langue"),
    .required(
      Field.sha256, .text(maxLength: 64), "SHA-256 (hex) of the exact bytes published.", fr: "SHA-256 (hex) des octets publiés.",
      labelFR: "SHA-256"),
    .required(Field.bytes, .positiveCount, "Their length in bytes.", fr: "Leur longueur en octets.", labelFR: "octets"),
    .required(
      Field.treeSize, .count, "The size of the signed tree the bilan read.", fr: "La taille de l'arbre signé lu.",
      labelFR: "taille de l'arbre"),
    .required(Field.treeRoot, .text(maxLength: 44), "Its root (base64).", fr: "Sa racine (base64).", labelFR: "racine de l'arbre"),
    .required(Field.readSeq, .count, "The last event read.", fr: "Le dernier événement lu.", labelFR: "dernier seq lu"),
    .required(Field.readHash, .text(maxLength: 71), "Its hash.", fr: "Son empreinte.", labelFR: "dernière empreinte lue"),
    .required(Field.code, .text(maxLength: 40), "The fold's version.", fr: "La version du calcul.", labelFR: "version du calcul"),
    .required(
      Field.program, .text(maxLength: 80), "The build that rendered the bytes.", fr: "La version du programme.", labelFR: "programme"),
    .required(
      Field.issued, .text(maxLength: 40), "When the receipt was signed (UTC).", fr: "Date de signature du reçu (UTC).", labelFR: "émis le"),
    .required(
      Field.publisher, .text(maxLength: 200), "The publisher's verifier key.", fr: "La clé de vérification de l'éditeur.",
      labelFR: "éditeur"),
    .required(
      Field.receiptSHA256, .text(maxLength: 64), "SHA-256 (hex) of the receipt file.", fr: "SHA-256 (hex) du fichier reçu.",
      labelFR: "SHA-256 du reçu"),
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(BilanPublished.keys) }
    public var year: Int64 { m.int64(Field.year) ?? 0 }
    public var sha256: String { m.string(Field.sha256) ?? "" }
    public var receiptSHA256: String { m.string(Field.receiptSHA256) ?? "" }
  }
}
