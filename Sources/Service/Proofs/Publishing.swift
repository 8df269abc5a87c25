import Crypto
import Journal
import Projections

/// `ess publish`: the journal as a static tiled log (C2SP tlog-tiles) in a plain
/// folder that any static web server, object store or CDN serves as it is,
/// with the latest signed checkpoint, the log's verifier key and policy, and
/// the bilans published with their receipts.
///
/// ```swift
/// let report = try Publishing.publish(journal: "journal", to: "/var/www/ess", bilans: ["bilan-2022.json"])
/// ```
public enum Publishing {
  public struct Report: Sendable {
    public var tiles: TilePublisher.Report
    public var bilans: [String]
  }

  /// Publishes the tree of the latest signed checkpoint, and each bilan of `bilans` with its `.receipt` beside it.
  /// - Throws: ``ServiceError``: no signed checkpoint; a receipt that does not cover its bilan; a folder holding another history.
  public static func publish(journal: String, to folder: String, bilans: [String] = []) throws(ServiceError) -> Report {
    do {
      let log = try CheckpointLog(journal: journal)
      guard let signed = try log.latest() else {
        throw ServiceError(.badInput, "This journal has no signed checkpoint to publish; sign one first.")
      }
      try signed.verify(try log.policy().logOnly)
      var names: [String] = []
      var files: [(String, [UInt8])] = []
      for bilan in bilans {
        let bytes = try InputFile.read(bilan)
        let receipt = try InputFile.read(bilan + ".receipt")
        let body = try BilanReceipt(text: SignedNote(parsing: receipt, what: "receipt").text)
        guard body.sha256 == Hex.encode(SHA256.hash(data: bytes)), body.byteCount == bytes.count else {
          throw ServiceError(.checkFailed, "\(bilan).receipt does not cover \(bilan) (its SHA-256 differs); nothing was published.")
        }
        let name = String(bilan.split(separator: "/").last ?? "")
        names.append(name)
        files += [("bilans/" + name, bytes), ("bilans/" + name + ".receipt", receipt)]
      }
      let tiles = try TilePublisher.publish(journal: journal, checkpoint: signed, to: folder)
      let policy = try log.policy()
      files += [("log.vkey", Array((policy.logs.map(\.vkey).joined(separator: "\n") + "\n").utf8)), ("policy", Array(policy.text.utf8))]
      for (path, bytes) in files {
        try TilePublisher.makeFolders(for: folder + "/" + path)
        try DurableFile.replace(folder + "/" + path, with: bytes)
      }
      return Report(tiles: tiles, bilans: names)
    } catch {
      throw ServiceError.wrap(error)
    }
  }
}
