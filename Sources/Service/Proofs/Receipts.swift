import Crypto
import Domain
import Glibc
import Journal
import Projections

/// Bilan receipts (PROOFS.md §5): a bilan signed by a publisher key over a
/// signed tree of the journal, checkable at three levels, countersignable.
///
/// ```swift
/// let published = try Receipts.publish(
///   journal: "journal", year: 2022, format: .json, language: .fr, key: "/etc/ess/publisher.key",
///   author: "c.muller", program: "ess/0.2.0+1a2b3c4d5e6f")
/// // published.output: the bilan's bytes; published.receipt: the signed receipt
/// ```
public enum Receipts {
  /// What `ess bilan … --receipt` makes.
  public struct Published: Sendable {
    /// The exact bytes of the bilan (final newline included).
    public var output: [UInt8]
    /// The receipt: a signed note.
    public var receipt: [UInt8]
    public var body: BilanReceipt
    /// The seq of the `bilan.published` event appended (0 if not logged).
    public var publishedSeq: UInt64
    /// Events of the journal after the tree the receipt covers (left out of the bilan).
    public var leftOut: UInt64
  }

  /// The bilan of `year` over the first `treeSize` events (default: the latest
  /// signed checkpoint), its receipt signed with the publisher key in `key`,
  /// and a `bilan.published` event appended by `author`; the receipt (and the
  /// bilan, with `outputPath`) written durably before the event is appended.
  /// - Throws: ``ServiceError``: no signed checkpoint of that size, a key that cannot sign, a refused append.
  public static func publish(
    journal: String, year: Int, asKnownOn: String? = nil, format: Reports.BilanFormat, language: BilanLanguage, treeSize: UInt64? = nil,
    key: String, author: String, program: String, receiptPath: String? = nil, outputPath: String? = nil,
    logEvent: Bool = true, options: WriterOptions = WriterOptions()
  ) throws(ServiceError) -> Published {
    let signer = try KeyFiles.signer(at: key)
    let log: CheckpointLog
    let signed: SignedCheckpoint
    let head: UInt64
    do {
      log = try CheckpointLog(journal: journal)
      let origin = try log.readOrigin()
      guard let size = try treeSize ?? log.sizes().last else {
        throw ServiceError(.badInput, "This journal has no signed checkpoint yet; a receipt names one. Sign one first.")
      }
      signed = try log.checkpoint(size: size)
      try signed.verify(try log.policy().logOnly)
      guard signed.checkpoint.origin == origin, signer.name != Checkpoint.receiptOrigin else {
        throw ServiceError(.badInput, "The checkpoint is not of this journal's log.")
      }
      head = try Reader(at: journal).head().seq
    } catch {
      throw ServiceError.wrap(error)
    }
    let tree = signed.checkpoint
    let command = Reports.reproducingCommand(
      year: year, asKnownOn: asKnownOn, format: format.rawValue, language: language.rawValue, treeSize: tree.size)
    let (text, bilan) = try Reports.output(
      journal: journal, year: year, asKnownOn: asKnownOn, format: format, language: language, treeSize: tree.size, command: command)
    let output = Array((text + format.lineEnd).utf8)
    let issued = options.clock().rfc3339
    let body = BilanReceipt(
      origin: tree.origin, treeSize: tree.size, treeRoot: tree.root, readSeq: bilan.journalSeq, readHash: bilan.journalHash, year: year,
      asKnownOn: asKnownOn, code: BilanProjection.codeVersion, program: program, format: format.rawValue, language: language.rawValue,
      sha256: Hex.encode(SHA256.hash(data: output)), byteCount: output.count, issued: String(issued.prefix(19)) + "Z")
    let receipt: [UInt8]
    do {
      receipt = SignedNote(text: body.text, signatures: [try signer.sign(body.text)]).bytes
    } catch {
      throw ServiceError(error)
    }
    var data: [String: JSONValue] = [
      "year": .number(JSONNumber(Int64(year))), "format": .string(body.format), "lang": .string(body.language),
      "sha256": .string(body.sha256), "bytes": .number(JSONNumber(Int64(body.byteCount))),
      "treeSize": .number(JSONNumber(Int64(tree.size))), "treeRoot": .string(tree.root.base64),
      "readSeq": .number(JSONNumber(Int64(body.readSeq))), "readHash": .string(body.readHash.description), "code": .string(body.code),
      "program": .string(program), "issued": .string(body.issued), "publisher": .string(signer.verifier.vkey),
      "receiptSHA256": .string(Hex.encode(SHA256.hash(data: receipt))),
    ]
    if let asKnownOn { data["asKnownOn"] = .string(asKnownOn) }
    let event = NewEvent(
      type: EventKind.bilanPublished.rawValue, occurredOn: ParisTime.date(at: options.clock()).description, author: author,
      source: "receipt signed by \(signer.name)", data: .object(data))
    // The files first, then the event that logs them: a failed append takes the receipt back.
    do {
      if let outputPath { try DurableFile.replace(outputPath, with: output) }
      if let receiptPath { try DurableFile.replace(receiptPath, with: receipt) }
    } catch {
      throw ServiceError(error)
    }
    var publishedSeq: UInt64 = 0
    if logEvent {
      do {
        publishedSeq = try Ledger(journal: journal, options: options).append([event])[0].seq
      } catch {
        if let receiptPath { unlink(receiptPath) }
        throw error
      }
    }
    return Published(output: output, receipt: receipt, body: body, publishedSeq: publishedSeq, leftOut: head - tree.size)
  }

}
