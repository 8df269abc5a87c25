import Journal
import Projections

/// The open-data bilan (FORMATS.md §2): one *long* table, one row per year and indicator, so that it keeps its
/// columns when indicators come and go: `annee, indicateur, libelle, valeur, unite, perimetre, connu_au, journal_seq,
/// journal_hash`. Every key of BILAN.md is in every year (null figures as empty cells); figures reported by partners
/// (`reported.*`) in the years that have them.
///
/// ```swift
/// let table = LongBilan(bilans: bilans, knownOn: "2024-01-12", language: .fr)
/// print(table.csv(dialect: .openData))
/// ```
public struct LongBilan: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var year: Int
    public var key: String
    public var label: String
    public var value: Bilan.Value
    /// The unit's code (`count`, `eur`, `share`…); a reported figure in a free unit, that unit as its partner wrote it (`m2`).
    public var unit: String
    /// Whose figure it is: the bilan's section (the Pôle, the Conseil, public procurement…), or a reported figure's
    /// scope as its partner wrote it.
    public var scope: String
    public var knownOn: String?
    public var journalSeq: UInt64
    public var journalHash: ChainHash
  }

  /// The columns, in order.
  public static let columns = [
    "annee", "indicateur", "libelle", "valeur", "unite", "perimetre", "connu_au", "journal_seq", "journal_hash",
  ]

  public var rows: [Row]
  /// The cut (`--as-known-on`), or the date (Europe/Paris) of the last event read; nil for an empty journal.
  public var knownOn: String?

  /// The table of `bilans` (one per year, read from the same history), labels in `language`.
  public init(bilans: [Bilan], knownOn: String?, language: BilanLanguage) {
    self.knownOn = knownOn
    rows = bilans.flatMap { bilan in
      bilan.indicators.map { i in
        let reported = bilan.reported[i.key]
        let section =
          BilanLabels.sections.first { i.key.hasPrefix($0.prefix) }.map { language == .fr ? $0.fr : $0.en }
          ?? String(i.key.prefix { $0 != "." })
        return Row(
          year: bilan.year, key: i.key, label: BilanLabels.label(i, reported: reported, language), value: i.value,
          unit: i.unit == .number ? reported?.unit ?? i.unit.rawValue : i.unit.rawValue, scope: reported?.scope ?? section,
          knownOn: knownOn,
          journalSeq: bilan.journalSeq, journalHash: bilan.journalHash)
      }
    }
  }

  /// Whether `connu_au` holds a date-time (a cut given as an instant) rather than a date.
  public var knownOnIsDateTime: Bool { (knownOn?.utf8.count ?? 10) > 10 }

  /// The table in `dialect` (without its last line end: ``CSVDialect/lineEnd``).
  public func csv(dialect: CSVDialect) -> String {
    dialect.document(
      header: Self.columns,
      rows: rows.map { r in
        [
          .number(String(r.year)), .text(r.key), .text(r.label), r.value.csvCell, .text(r.unit), .text(r.scope),
          r.knownOn.map { .date($0) } ?? .empty, .number(String(r.journalSeq)), .text(r.journalHash.description),
        ]
      })
  }
}
