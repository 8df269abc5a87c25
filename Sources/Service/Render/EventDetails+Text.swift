import Domain
import Journal

extension EventDetails {
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
    guard let last = amendments.last else {
      out.append("No correction or retraction applies to it.")
      return out.joined(separator: "\n")
    }
    out.append("Amended by:")
    for a in amendments {
      let what: String
      switch EventKind.lookup(a.type).flatMap({ Amendment(kind: $0, data: JSONObjectView(a.dataBytes)) }) {
      case .corrected(_, let data, _)?: what = "corrected to \(String(decoding: data.bytes, as: UTF8.self))"
      default: what = "retracted"
      }
      out.append("  seq \(a.seq), recorded \(a.recordedAt) by \(a.author): \(what) — \(a.reason ?? "")")
    }
    out.append(now == nil ? "Now: retracted (counts as if it never happened)." : "Now: counts with the data of seq \(last.seq).")
    return out.joined(separator: "\n")
  }
}
