import Journal

/// `ess show SEQ|ID`: one event, whole, with the corrections and retractions
/// that apply to it, and what it counts as now.
public struct EventDetails: Sendable {
  public var record: Record
  /// Corrections and retractions targeting it, in seq order.
  public var amendments: [Record]

  /// Finds the event by seq or by id (one pass over the journal for amendments).
  public static func load(journal path: String, key: String) throws -> EventDetails {
    let reader = try Reader(at: path)
    var target: Record?
    if let seq = UInt64(key) {
      target = try reader.record(seq: seq)
    } else {
      guard let id = EnvelopeRules.normalizedID(key) else {
        throw CatalogError(.invalidValue, "'\(key.prefix(60))' is neither a seq (a number) nor an event id (a UUID).", given: key)
      }
      try reader.forEach { r in if target == nil && r.id == id { target = r.detached() } }
    }
    guard let record = target else {
      throw JournalError(.notFound, "There is no event with id \(key) in this journal.")
    }
    var amendments: [Record] = []
    try reader.forEach(from: record.seq + 1) { r in
      if r.type == "event.corrected" || r.type == "event.retracted",
        (try? r.data())?["target"]?.numberValue?.int64Value == Int64(record.seq)
      {
        amendments.append(r.detached())
      }
    }
    return EventDetails(record: record, amendments: amendments)
  }

  /// A readable, complete account.
  public var text: String {
    let r = record
    var out = [
      "seq         \(r.seq)", "id          \(r.id)", "type        \(r.type) (version \(r.version))",
      "occurredOn  \(r.occurredOn)", "recordedAt  \(r.recordedAt)", "author      \(r.author)",
    ]
    if let s = r.source { out.append("source      \(s)") }
    if let s = r.reason { out.append("reason      \(s)") }
    out.append("data        \(String(decoding: r.dataBytes, as: UTF8.self))")
    out.append("prev        \(r.prev)")
    out.append("hash        \(r.hash)")
    if amendments.isEmpty {
      out.append("No correction or retraction applies to it.")
    } else {
      out.append("Amended by:")
      for a in amendments {
        let what = a.type == "event.retracted" ? "retracted" : "corrected to \((try? a.data())?["data"]?.canonicalString ?? "?")"
        out.append("  seq \(a.seq), recorded \(a.recordedAt) by \(a.author): \(what) — \(a.reason ?? "")")
      }
      let last = amendments.last!
      out.append(
        last.type == "event.retracted"
          ? "Now: retracted (counts as if it never happened)." : "Now: counts with the data of seq \(last.seq).")
    }
    return out.joined(separator: "\n")
  }
}
