import Journal
import Projections

extension Series {
  /// `{"keys":[…],"asKnownOn":…,"journal":{…},"rows":[{"year":2010,"values":{key: value…}}…]}`, values as in a bilan's JSON.
  public var json: String {
    var out = "{\"keys\":[" + columns.map { JSONValue.string($0.key).canonicalString }.joined(separator: ",") + "],\"asKnownOn\":"
    out += asKnownOn.map { JSONValue.string($0).canonicalString } ?? "null"
    out += ",\"journal\":{\"seq\":\(journalSeq),\"hash\":\"\(journalHash)\"},\"rows\":["
    out += rows.map { row in
      "{\"year\":\(row.year),\"values\":{"
        + zip(columns, row.values).map { JSONValue.string($0.key).canonicalString + ":" + $1.json.canonicalString }.joined(separator: ",")
        + "}}"
    }.joined(separator: ",")
    return out + "]}"
  }

  /// `year,<key>,<key>…`, one row per year; values as in a bilan's CSV (``Bilan/Value/csvCell``, empty for null), in
  /// `dialect`.
  public func csv(language: BilanLanguage, dialect: CSVDialect = .openData) -> String {
    let cells: [[CSVDialect.Cell]] = rows.map { row in
      var cells: [CSVDialect.Cell] = [.number(String(row.year))]
      cells += row.values.map(\.csvCell)
      return cells
    }
    return dialect.document(header: ["year"] + columns.map(\.key), rows: cells)
  }

  /// A table: one line per year, one column per indicator, labels in words, numbers formatted for `language`.
  public func text(language: BilanLanguage, markdown: Bool) -> String {
    let fr = language == .fr
    let headers =
      [fr ? "Année" : "Year"]
      + columns.map { c in
        BilanLabels.label(Bilan.Indicator(key: c.key, value: .null, unit: c.unit), reported: c.reported, language)
      }
    let cells = rows.map { row in
      [String(row.year)]
        + zip(columns, row.values).map { c, v in
          NumberFormat.value(Bilan.Indicator(key: c.key, value: v, unit: c.unit), reported: c.reported, language)
        }
    }
    var out: [String] = []
    if markdown {
      out.append("| " + headers.joined(separator: " | ") + " |")
      out.append("|" + headers.indices.map { $0 == 0 ? "---|" : "---:|" }.joined())
      for r in cells { out.append("| " + r.joined(separator: " | ") + " |") }
    } else {
      let widths = headers.indices.map { i in max(headers[i].count, cells.map { $0[i].count }.max() ?? 0) }
      func line(_ r: [String]) -> String {
        r.indices.map { i in
          let pad = String(repeating: " ", count: widths[i] - r[i].count)
          return i == 0 ? r[i] + pad : pad + r[i]
        }.joined(separator: "  ")
      }
      out.append(line(headers))
      out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      for r in cells { out.append(line(r)) }
    }
    out.append("")
    out.append(BilanLabels.readFrom(seq: journalSeq, hash: journalHash, asKnownOn: asKnownOn, language))
    return out.joined(separator: "\n")
  }
}
