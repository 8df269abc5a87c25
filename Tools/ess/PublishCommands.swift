import ArgumentParser
import Service

struct Publish: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Write the journal as a static tiled log (C2SP tlog-tiles) into a folder any web server can serve as it is.",
    discussion: """
      The folder gets checkpoint (the latest signed one), tile/… (hash tiles and entry bundles), log.vkey, policy, and
      bilans/ with each --bilan FILE and its FILE.receipt. Files once published never change: publishing again adds
      what is new. Mirrors copy it with 'ess mirror'. Example:
        ess publish /var/www/ess --bilan bilan-2022.json
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The folder to publish into.") var folder: String
  @Option(help: "A published bilan (its FILE.receipt beside it) to include; repeat for several.") var bilan: [String] = []

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let r = try Publishing.publish(journal: journal.path, to: folder, bilans: bilan)
      print(
        "Published the tree of \(r.tiles.size) events into \(folder): \(r.tiles.written) file(s) written, \(r.tiles.unchanged) already there"
          + (r.bilans.isEmpty ? "." : "; bilans: \(r.bilans.joined(separator: ", ")).")
      )
    }
  }
}

struct Mirror: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mirror",
    abstract: "Copy a published journal (a folder or an http(s):// URL) into a journal of your own, checking every tile.",
    discussion: """
      Every entry and tile is checked against the source's signed checkpoint, and the new tree must extend what the
      mirror already holds: a rewritten history, a fork, a tampered or truncated tile is refused and the mirror left as
      it was. The mirror is a full journal (ess verify, ess bilan, ess verify-receipt --rerun work on it). The first run
      needs the log's key (--vkey) or policy (--policy); later runs use the mirror's own. Example:
        ess mirror https://strasbourg.eu/ess/ ./mirror --vkey strasbourg.eu/ess/journal+1a2b3c4d+AX…
      """)

  @Argument(help: "The published folder, or its http(s):// URL.") var source: String
  @Argument(help: "The mirror: a journal folder (created if new).") var folder: String
  @Option(help: "The log's verifier key (text or file), for a new mirror.") var vkey: String?
  @Option(help: "A tlog-policy file (log key and witness quorum), for a new mirror.") var policy: String?

  func validate() throws {
    if vkey != nil && policy != nil { throw ValidationError("Give --vkey or --policy, not both.") }
  }

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let r = try Mirroring.mirror(source: source, into: folder, vkey: vkey, policy: policy)
      print(
        r.after == r.before
          ? "The mirror already holds the \(r.after) events of \(r.origin)'s latest checkpoint (\(r.tilesChecked) tile(s) checked)."
          : "Mirrored \(r.origin): events \(r.before + 1)…\(r.after) appended, \(r.tilesChecked) tile(s) checked against its signed checkpoint."
      )
    }
  }
}
