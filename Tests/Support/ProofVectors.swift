import Crypto
import Foundation
import Journal

/// PROOFS.md §7's vectors, as written in Tools/audit/vectors (shared with the
/// Python and Go verifiers), and the test keys, made from their seeds.
public enum ProofVectors {
  public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Tools/audit/vectors").path

  public static func file(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) }
  public static func text(_ name: String) throws -> String { String(decoding: try file(name), as: UTF8.self) }
  public static var journalLines: String { folder + "/journal.jsonl" }

  /// The event lines, each with its newline.
  public static func lines() throws -> [[UInt8]] { try file("journal.jsonl").split(separator: 0x0A).map { Array($0) + [0x0A] } }

  public static func seed(_ phrase: String) -> [UInt8] { Array(SHA256.hash(data: Array(phrase.utf8))) }

  public static let origin = "example.org/ess/test"
  public static let witnessTime: UInt64 = 1_767_225_600
  public static func logKey() throws -> NoteSigner { try NoteSigner(name: origin, seed: seed("ess test log key")) }
  public static func witnessKey() throws -> NoteSigner {
    try NoteSigner(name: "example.org/ess/test-witness", kind: .cosignature, seed: seed("ess test witness key"))
  }
  public static func publisherKey() throws -> NoteSigner {
    try NoteSigner(name: "example.org/ess/test-bilans", seed: seed("ess test publisher key"))
  }

  /// A JSON bilan without its `changes` member nor the subsidy indicators (FORMATS.md §5), which the spec's vectors predate.
  public static func withoutChanges(_ json: [UInt8]) -> [UInt8] {
    var text = String(decoding: json, as: UTF8.self)
    for key in ["subsidy.grants", "subsidy.amount_eur"] {
      guard let start = text.range(of: ",\"\(key)\":"),
        let end = text[start.upperBound...].firstIndex(where: { $0 == "," || $0 == "}" })
      else { continue }
      text.removeSubrange(start.lowerBound..<end)
    }
    guard let start = text.range(of: ",\"changes\":"), let end = text.range(of: ",\"milestones\":") else { return Array(text.utf8) }
    return Array((String(text[..<start.lowerBound]) + String(text[end.lowerBound...])).utf8)
  }

  /// Writes `signer`'s private key file (mode 0600) at `path`.
  public static func writeKey(_ signer: NoteSigner, to path: String) throws {
    _ = FileManager.default.createFile(atPath: path, contents: Data((signer.skey + "\n").utf8), attributes: [.posixPermissions: 0o600])
  }
}
