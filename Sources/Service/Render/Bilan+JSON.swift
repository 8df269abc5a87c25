import Journal
import Projections

extension Bilan.Value {
  /// The JSON value: integers, exact euros (426.5), shares as the nearest
  /// double in its shortest round-trip form (6/7 is 0.8571428571428571), or null.
  public var json: JSONValue {
    switch self {
    case .null: return .null
    case .integer(let v): return .number(JSONNumber(v))
    case .cents(let c): return .number(JSONNumber(scaledInteger: c, scale: 2) ?? JSONNumber(0))
    case .fraction(let n, let d):
      // Swift's description of a Double is its shortest round-trip form; the literal reader writes it without exponent.
      return .number(JSONNumber(literal: String(Double(n) / Double(d))) ?? JSONNumber(0))
    case .number(let n): return .number(n)
    }
  }
}

extension Bilan {
  /// BILAN.md's JSON shape, keys in a fixed order, every indicator present; then,
  /// when computed, `changes`: each indicator's value in Y−1, its absolute change and its relative one.
  public var json: String {
    var out = "{\"year\":\(year),\"asKnownOn\":"
    out += asKnownOn.map { JSONValue.string($0).canonicalString } ?? "null"
    out += ",\"journal\":{\"seq\":\(journalSeq),\"hash\":\"\(journalHash)\"},\"indicators\":{"
    out += indicators.map { JSONValue.string($0.key).canonicalString + ":" + $0.value.json.canonicalString }.joined(separator: ",")
    out += "}"
    if !changes.isEmpty {
      out += ",\"changes\":{\"year\":\(year - 1),\"indicators\":{"
      out += changes.map {
        JSONValue.string($0.key).canonicalString + ":{\"previous\":" + $0.previous.json.canonicalString + ",\"absolute\":"
          + $0.absolute.json.canonicalString + ",\"relative\":" + $0.relative.json.canonicalString + "}"
      }.joined(separator: ",")
      out += "}}"
    }
    out += ",\"milestones\":["
    out += milestones.map {
      JSONValue.object(["date": .string($0.date), "kind": .string($0.kind), "title": .string($0.title)]).canonicalString
    }.joined(separator: ",")
    out += "]}"
    return out
  }
}
