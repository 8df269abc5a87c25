import ArgumentParser
import Journal
import Projections

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Events by type and year, sizes on disk, compression ratio.",
    discussion: "Example: ess stats --journal ./journal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run {
      let summary = try Fold.run(JournalSummary.self, over: Reader(at: journal.path))
      let report = try Verifier.verify(at: journal.path)
      print(StatsText.render(summary, report))
    }
  }
}

enum StatsText {
  static func render(_ s: JournalSummary.State, _ r: VerificationReport) -> String {
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
