import Journal

extension Bilan.Value {
  /// The JSON value: integers, exact euros (426.5), shares rounded to 6 decimals, or null.
  public var json: JSONValue {
    switch self {
    case .null: return .null
    case .integer(let v): return .number(JSONNumber(v))
    case .cents(let c): return .number(JSONNumber(scaledInteger: c, scale: 2) ?? JSONNumber(0))
    case .fraction(let n, let d):
      let micro = (n * 2_000_000 / d + 1) / 2  // half-up to 6 decimals
      return .number(JSONNumber(scaledInteger: micro, scale: 6) ?? JSONNumber(0))
    case .number(let n): return .number(n)
    }
  }
}

extension Bilan {
  /// BILAN.md's JSON shape, keys in a fixed order, every indicator present.
  public var json: String {
    var out = "{\"year\":\(year),\"asKnownOn\":"
    out += asKnownOn.map { JSONValue.string($0).canonicalString } ?? "null"
    out += ",\"journal\":{\"seq\":\(journalSeq),\"hash\":\"\(journalHash)\"},\"indicators\":{"
    out += indicators.map { JSONValue.string($0.key).canonicalString + ":" + $0.value.json.canonicalString }.joined(separator: ",")
    out += "},\"milestones\":["
    out += milestones.map {
      JSONValue.object(["date": .string($0.date), "kind": .string($0.kind), "title": .string($0.title)]).canonicalString
    }.joined(separator: ",")
    out += "]}"
    return out
  }

  /// One row per indicator: key, label, value, unit.
  public func csv(language: BilanLanguage) -> String {
    var rows = ["key,label,value,unit"]
    for i in indicators {
      let value = i.value.json.isNull ? "" : i.value.json.canonicalString
      rows.append([i.key, BilanLabels.label(i.key, language), value, i.unit.rawValue].map(csvField).joined(separator: ","))
    }
    return rows.joined(separator: "\n")
  }

  func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
    var out = "\""
    for c in s { out += c == "\"" ? "\"\"" : String(c) }
    return out + "\""
  }
}
