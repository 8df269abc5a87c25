import Journal

/// A Frictionless Data Package (datapackage.json, specs v1) describing one CSV file of ess: the resource's `path`,
/// `encoding` and `dialect`, and its Table Schema (field types, `decimalChar`, `trueValues`/`falseValues`,
/// constraints), under the Licence Ouverte 2.0 that French public portals use. `frictionless validate` accepts it.
///
/// ```swift
/// let package = DataPackage.longBilan(name: "bilan-2010-2023", path: "bilan-2010-2023.csv", table: table, dialect: .openData)
/// try DurableFile.replace("out/datapackage.json", with: Array(package.json.utf8))
/// ```
public struct DataPackage: Sendable, Equatable {
  /// A column of the table and what its cells are.
  public struct Field: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
      case string, integer, number, boolean, date, datetime, year
    }

    public var name: String
    public var kind: Kind
    public var title: String
    public var required: Bool
    public var pattern: String? = nil
  }

  public var name: String
  public var title: String
  public var path: String
  public var dialect: CSVDialect
  public var fields: [Field]
  public var primaryKey: [String]

  /// The package of a long open-data bilan (``LongBilan``) written to `path` in `dialect`.
  public static func longBilan(name: String, title: String, path: String, table: LongBilan, dialect: CSVDialect) -> DataPackage {
    DataPackage(
      name: name, title: title, path: path, dialect: dialect,
      fields: [
        Field(name: "annee", kind: .year, title: "Année du bilan (date de valeur, Europe/Paris)", required: true),
        Field(name: "indicateur", kind: .string, title: "Clé de l'indicateur (BILAN.md)", required: true),
        Field(name: "libelle", kind: .string, title: "Libellé de l'indicateur", required: true),
        Field(name: "valeur", kind: .number, title: "Valeur (vide si elle n'existe pas cette année-là)", required: false),
        Field(name: "unite", kind: .string, title: "Unité de la valeur (count, persons, hours, eur, share…)", required: true),
        Field(name: "perimetre", kind: .string, title: "Périmètre : de qui est le chiffre", required: true),
        Field(
          name: "connu_au", kind: table.knownOnIsDateTime ? .datetime : .date,
          title: "Tel que connu à cette date (ou à la date du dernier événement lu)", required: false),
        Field(name: "journal_seq", kind: .integer, title: "Numéro du dernier événement du journal lu", required: true),
        Field(
          name: "journal_hash", kind: .string, title: "Empreinte (hash) du dernier événement lu", required: true,
          pattern: "sha256:[0-9a-f]{64}"),
      ],
      primaryKey: ["annee", "indicateur"])
  }

  /// The Table Schema of one field.
  func schema(_ f: Field) -> JSONValue {
    var out: [String: JSONValue] = ["name": .string(f.name), "type": .string(f.kind.rawValue), "title": .string(f.title)]
    var constraints: [String: JSONValue] = ["required": .bool(f.required)]
    if let pattern = f.pattern { constraints["pattern"] = .string(pattern) }
    if f.kind == .integer { constraints["minimum"] = .number(JSONNumber(0)) }
    out["constraints"] = .object(constraints)
    switch f.kind {
    case .number:
      out["decimalChar"] = .string(String(dialect.decimalMark))
    case .boolean:
      out["trueValues"] = .array([.string(dialect.trueText)])
      out["falseValues"] = .array([.string(dialect.falseText)])
    default: break
    }
    return .object(out)
  }

  /// datapackage.json's text (canonical JSON, then a line end).
  public var json: String {
    let resource: JSONValue = .object([
      "name": .string(name), "path": .string(path), "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
      "encoding": .string(dialect.encodingName),
      "dialect": .object([
        "delimiter": .string(String(dialect.separator)), "quoteChar": "\"", "doubleQuote": .bool(true), "lineTerminator": "\r\n",
        "header": .bool(true),
      ]),
      "schema": .object([
        "fields": .array(fields.map(schema)), "primaryKey": .array(primaryKey.map { .string($0) }), "missingValues": [""],
      ]),
    ])
    let package: JSONValue = .object([
      "name": .string(name), "title": .string(title), "profile": "tabular-data-package",
      "licenses": [
        [
          "name": "etalab-2.0", "title": "Licence Ouverte / Open Licence version 2.0",
          "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        ]
      ],
      "resources": .array([resource]),
    ])
    return package.canonicalString + "\n"
  }
}
