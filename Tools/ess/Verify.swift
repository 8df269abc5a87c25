import ArgumentParser
import Journal

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check every checksum and the whole hash chain; exit 0 only if all is intact.",
    discussion: "Example: ess verify --journal ./journal")

  @OptionGroup var journal: JournalOption

  func run() throws {
    try Failure.run {
      let report = try Verifier.verify(at: journal.path)
      print(VerifyText.render(report))
      if let damage = report.damage { throw damage }
    }
  }
}

enum VerifyText {
  static func render(_ r: VerificationReport) -> String {
    var lines = [
      "Checked \(r.segments) segment(s), \(r.commits) commit(s), \(r.events) event(s): \(r.bytesOnDisk) bytes on disk for \(r.rawBytes) bytes of events.",
      "Head: seq \(r.headSeq), hash \(r.headHash).",
    ]
    if let t = r.uncommittedTail {
      lines.append(
        "Note: \(t.length) bytes of an interrupted write follow the last commit of \(t.file) (never acknowledged; set aside by the next append)."
      )
    }
    for f in r.staleSideFiles { lines.append("Note: side index \(f) is missing or stale; it will be rebuilt when needed.") }
    lines.append(r.isIntact ? "All intact." : "DAMAGED.")
    return lines.joined(separator: "\n")
  }
}
