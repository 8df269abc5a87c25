import Journal
import Projections

extension JournalAdmin.Stats {
  /// What `ess stats` prints.
  public var text: String {
    let s = summary
    let r = report
    var out = ["\(s.events) events, seq 1…\(s.lastSeq)."]
    for (type, n) in s.byType.sorted(by: { $0.key < $1.key }) { out.append("  \(type): \(n)") }
    out.append("By year of occurrence:")
    for (year, n) in s.byYear.sorted(by: { $0.key < $1.key }) { out.append("  \(year): \(n)") }
    let ratio = r.rawBytes == 0 ? 0 : Double(r.bytesOnDisk) / Double(r.rawBytes)
    out.append(
      "On disk: \(r.bytesOnDisk) bytes in \(r.segments) segment(s) for \(r.rawBytes) bytes of JSON Lines (ratio \((ratio * 1000).rounded() / 1000))."
    )
    return out.joined(separator: "\n")
  }
}
