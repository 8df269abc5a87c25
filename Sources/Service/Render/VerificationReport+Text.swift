import Journal

extension VerificationReport {
  /// What `ess verify` prints.
  public var text: String {
    var lines: [String]
    if let damage {
      lines = [
        "Checked \(segments) segment(s): \(commits) commit(s) and \(events) event(s) intact, seq 1…\(headSeq) (last hash \(headHash)), then damage.",
        "First damage: \(damage.message)",
      ]
    } else {
      lines = [
        "Checked \(segments) segment(s), \(commits) commit(s), \(events) event(s): \(bytesOnDisk) bytes on disk for \(rawBytes) bytes of events.",
        "Head: seq \(headSeq), hash \(headHash).",
      ]
    }
    if let t = uncommittedTail {
      lines.append(
        "Note: \(t.length) bytes of an interrupted write follow the last commit of \(t.file) (never acknowledged; set aside by the next append)."
      )
    }
    if let latest = checkpoints.last {
      let cosigned = latest.witnesses.isEmpty ? "no witness cosignature" : "cosigned by \(latest.witnesses.joined(separator: ", "))"
      lines.append(
        "Checkpoints: \(checkpoints.count) signed, each root recomputed from the events and its signatures checked; latest: size \(latest.size), \(cosigned)\(latest.quorumMet ? "" : " (below the policy's quorum)")."
      )
    }
    for f in staleSideFiles { lines.append("Note: side index \(f) is missing or stale; it will be rebuilt when needed.") }
    lines.append(isIntact ? "All intact." : "DAMAGED.")
    return lines.joined(separator: "\n")
  }
}
