import Journal
import Projections

extension IndicatorHistory {
  public var json: String {
    var out = "{\"indicator\":" + JSONValue.string(key).canonicalString + ",\"year\":\(year),\"changes\":["
    out += changes.map { c in
      let cause: [String: JSONValue] = [
        "seq": .number(JSONNumber(Int64(c.cause.seq))), "type": .string(c.cause.type), "author": .string(c.cause.author),
        "source": c.cause.source.map { .string($0) } ?? .null, "reason": c.cause.reason.map { .string($0) } ?? .null,
      ]
      return
        "{\"recordedAt\":\"\(c.recordedAt)\",\"value\":\(c.value.json.canonicalString),\"previous\":\(c.previous.json.canonicalString),\"cause\":\(JSONValue.object(cause).canonicalString)}"
    }.joined(separator: ",")
    return out + "]}"
  }

  public func text(language: BilanLanguage) -> String {
    let fr = language == .fr
    let label = BilanLabels.label(key, language)
    var out = [fr ? "\(label) (\(key)), année \(year) :" : "\(label) (\(key)), year \(year):"]
    if changes.isEmpty { out.append(fr ? "  aucun changement enregistré." : "  no change recorded.") }
    let unit =
      BilanState().bilan(year: year, asKnownOn: nil, journalSeq: 0, journalHash: .zero).indicators.first { $0.key == key }?.unit ?? .number
    for c in changes {
      let from = NumberFormat.value(c.previous, unit: unit, language)
      let to = NumberFormat.value(c.value, unit: unit, language)
      var why = "seq \(c.cause.seq) \(c.cause.type), \(c.cause.author)"
      if let s = c.cause.source { why += ", « \(s) »" }
      if let r = c.cause.reason { why += fr ? ", motif : \(r)" : ", reason: \(r)" }
      out.append("  \(c.recordedAt)  \(from) → \(to)  (\(why))")
    }
    return out.joined(separator: "\n")
  }
}
