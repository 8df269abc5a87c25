/// Where each file of a journal lives. See `FORMAT.md`, "Files".
struct JournalLayout: Sendable {
  static let markerName = "ESS-JOURNAL"
  static let markerText = "ess journal\nformat 1\nsee FORMAT.md in the ess sources\n"
  let root: String

  var marker: String { root + "/" + JournalLayout.markerName }
  var lock: String { root + "/LOCK" }
  var head: String { root + "/HEAD" }
  var segments: String { root + "/segments" }
  var index: String { root + "/index" }
  var quarantine: String { root + "/quarantine" }
  /// Clients' caches (``JournalCache``).
  var cache: String { root + "/cache" }

  static func segmentName(firstSeq: UInt64) -> String { twentyDigits(firstSeq) + ".lz4" }

  /// A number as the journal names files by it: 20 digits, zero-padded (segments, checkpoints).
  static func twentyDigits(_ n: UInt64) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
  }

  func segmentPath(_ name: String) -> String { segments + "/" + name }

  /// First seq encoded in a segment file name, or nil if the name is not a segment's.
  static func firstSeq(ofSegment name: String) -> UInt64? {
    guard name.count == 24, name.hasSuffix(".lz4") else { return nil }
    return UInt64(name.prefix(20))
  }

  /// Segment file names, in seq order.
  func segmentNames() throws(JournalError) -> [String] {
    try POSIX.list(segments).filter { JournalLayout.firstSeq(ofSegment: $0) != nil }
  }

  /// Whether `entries` (the folder's, not empty) are only what an interrupted
  /// ``Writer/create(at:io:)`` leaves: its folders, still empty, and its small
  /// files — never the marker, never a segment.
  func isUnfinishedCreation(_ entries: [String]) throws(JournalError) -> Bool {
    let own: Set<String> = [
      "segments", "index", "quarantine", "cache", "HEAD", "LOCK", "HEAD.tmp", "LOCK.tmp", "\(JournalLayout.markerName).tmp",
    ]
    guard entries.allSatisfy(own.contains) else { return false }
    for folder in [segments, index, quarantine, cache] where POSIX.isDirectory(folder) {
      guard try POSIX.list(folder).isEmpty else { return false }
    }
    return true
  }

  /// Throws `.notAJournal` with what to do if `root` holds no journal.
  func checkIsJournal() throws(JournalError) {
    guard POSIX.exists(marker), POSIX.isDirectory(segments) else {
      throw JournalError(
        .notAJournal,
        "There is no journal at \(root).",
        at: .init(file: root))
    }
  }
}
