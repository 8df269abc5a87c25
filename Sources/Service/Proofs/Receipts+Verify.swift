import Crypto
import Domain
import Journal
import Projections

extension Receipts {
  /// What ``verify(receipt:file:vkey:checkpoint:policy:journal:rerun:program:)`` checked.
  public struct Verified: Sendable {
    public var body: BilanReceipt
    /// The checks passed, in words, one per level reached.
    public var checks: [String]
  }

  /// Checks a receipt (PROOFS.md §5.3) by levels:
  /// 1. offline: the publisher's signature; SHA-256 and size of `file`; with `checkpoint` and `policy`,
  ///    the checkpoint's text is the receipt's origin, size and root, signed and cosigned per the policy;
  /// 2. with `journal`: the root of its first S events is the receipt's, and event `read` has its hash;
  /// 3. with `rerun` (and `journal`): re-running gives the same bytes (same program), or, from another
  ///    build with the same fold semantics, a JSON bilan with equal indicators and milestones.
  /// - Throws: ``ServiceError`` `.checkFailed` saying what differs; `.badInput` for a malformed receipt.
  public static func verify(
    receipt: String, file: String, vkey: String, checkpoint: String? = nil, policy: String? = nil, journal: String? = nil,
    rerun: Bool = false, program: String
  ) throws(ServiceError) -> Verified {
    let publisher = try KeyFiles.verifier(vkey)
    let note: SignedNote
    let body: BilanReceipt
    do {
      note = try SignedNote(parsing: try InputFile.read(receipt), what: "receipt")
      body = try BilanReceipt(text: note.text)
      guard try note.verify(by: [publisher], what: "receipt") == [publisher] else {
        throw ServiceError(.checkFailed, "The receipt carries no signature by the publisher key \(publisher.name).")
      }
    } catch {
      throw ServiceError.wrap(error, at: .init(file: receipt))
    }
    var checks = ["signed by \(publisher.name)"]
    let bytes = try InputFile.read(file)
    let digest = Hex.encode(SHA256.hash(data: bytes))
    guard digest == body.sha256, bytes.count == body.byteCount else {
      throw ServiceError(
        .checkFailed, "The file's SHA-256 is \(digest) (\(bytes.count) bytes), the receipt says \(body.sha256) (\(body.byteCount) bytes).",
        at: .init(file: file))
    }
    checks.append("the file is the one signed (SHA-256 \(body.sha256.prefix(12))…, \(bytes.count) bytes)")
    if let checkpoint {
      try checkTree(body, checkpoint: checkpoint, policy: policy)
      checks.append("the tree of \(body.treeSize) events is a checkpoint signed by \(body.origin) as the policy asks")
    }
    guard let journal else { return Verified(body: body, checks: checks) }
    try checkJournal(body, journal: journal)
    checks.append("the journal's first \(body.treeSize) events have that root, and event \(body.readSeq) that hash")
    guard rerun else { return Verified(body: body, checks: checks) }
    checks.append(try checkRerun(body, bytes: bytes, journal: journal, program: program))
    return Verified(body: body, checks: checks)
  }

  static func checkTree(_ body: BilanReceipt, checkpoint: String, policy: String?) throws(ServiceError) {
    guard let policy else {
      throw ServiceError(.badInput, "Checking the receipt's tree needs the log's policy file (--policy) with the checkpoint.")
    }
    let rules = try KeyFiles.policy(vkey: nil, policyFile: policy)
    do {
      let signed = try SignedCheckpoint(parsing: InputFile.read(checkpoint))
      let expected = try Checkpoint(origin: body.origin, size: body.treeSize, root: body.treeRoot)
      guard signed.checkpoint == expected else {
        throw ServiceError(
          .checkFailed,
          "The checkpoint is of \(signed.checkpoint.origin) at size \(signed.checkpoint.size) with root \(signed.checkpoint.root.base64); the receipt names \(body.origin) at size \(body.treeSize) with root \(body.treeRoot.base64).",
          at: .init(file: checkpoint))
      }
      try signed.verify(rules)
    } catch {
      throw ServiceError.wrap(error, at: .init(file: checkpoint))
    }
  }

  static func checkJournal(_ body: BilanReceipt, journal: String) throws(ServiceError) {
    do {
      let reader = try Reader(at: journal)
      let head = try reader.head().seq
      guard head >= body.treeSize else {
        throw ServiceError(.checkFailed, "The journal holds only \(head) events; the receipt covers \(body.treeSize).")
      }
      // An audit hashes the lines themselves: the journal under audit (and its cache) may not be the signer's.
      var tree = try JournalTree(journal: journal)
      tree.distrust(from: 0)
      try tree.extend(to: body.treeSize)
      let root = try Merkle.root(size: body.treeSize, from: &tree)
      guard root == body.treeRoot else {
        throw ServiceError(
          .checkFailed, "The journal's first \(body.treeSize) events hash to \(root.base64), the receipt says \(body.treeRoot.base64).")
      }
      let hash = body.readSeq == 0 ? ChainHash.zero : try reader.record(seq: body.readSeq).hash
      guard hash == body.readHash else {
        throw ServiceError(.checkFailed, "Event \(body.readSeq) of the journal has hash \(hash), the receipt says \(body.readHash).")
      }
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  static func checkRerun(_ body: BilanReceipt, bytes: [UInt8], journal: String, program: String) throws(ServiceError) -> String {
    guard let format = Reports.BilanFormat(rawValue: body.format), let language = BilanLanguage(rawValue: body.language) else {
      throw ServiceError(.checkFailed, "This build cannot re-run a bilan in '\(body.format) \(body.language)'.")
    }
    let same = program == body.program
    guard same || body.code == BilanProjection.codeVersion else {
      throw ServiceError(
        .checkFailed,
        "The receipt's fold is \(body.code) but this build folds \(BilanProjection.codeVersion): re-run it with \(body.program).")
    }
    let again = try Reports.output(
      journal: journal, year: body.year, asKnownOn: body.asKnownOn, format: format, language: language, useCheckpoint: false,
      treeSize: body.treeSize, command: command(body)
    ).text
    let output = Array((again + format.lineEnd).utf8)
    if same || output == bytes {
      guard output == bytes else {
        let k = zip(output, bytes).prefix { $0 == $1 }.count
        throw ServiceError(.checkFailed, "Re-running gave different bytes (first difference at byte \(k)).")
      }
      return "re-running with \(program) gave the same \(bytes.count) bytes"
    }
    guard format == .json else {
      throw ServiceError(
        .checkFailed,
        "Re-running with another build (\(program), not \(body.program)) gave other \(body.format) bytes; only JSON is compared figure by figure."
      )
    }
    do {
      let a = try JSONParser.parse(output[...])
      let b = try JSONParser.parse(bytes[...])
      for key in ["indicators", "milestones"] where a[key] != b[key] {
        throw ServiceError(.checkFailed, "Re-running with \(program) gave other \(key) than the receipt's file.")
      }
    } catch {
      throw ServiceError.wrap(error)
    }
    return "re-running with \(program) gave the same figures (same fold \(body.code), other build)"
  }

  /// The publisher key recorded by the `bilan.published` event of the file's bytes.
  static func publisherKey(of file: String, journal: String) throws(ServiceError) -> String {
    let digest = Hex.encode(SHA256.hash(data: try InputFile.read(file)))
    var found: String?
    do {
      try Reader(at: journal).forEach { r in
        guard r.type == EventKind.bilanPublished.rawValue, let data = try? r.data() else { return }
        if data["sha256"]?.stringValue == digest { found = data["publisher"]?.stringValue }
      }
    } catch {
      throw ServiceError.wrap(error)
    }
    guard let found else {
      throw ServiceError(
        .notFound, "The journal logs no publication of this file (SHA-256 \(digest)); give the publisher's key with --vkey.")
    }
    return found
  }

  /// The command an HTML page names in its colophon, as `ess bilan … --receipt` writes it.
  static func command(_ body: BilanReceipt) -> String {
    Reports.reproducingCommand(
      year: body.year, asKnownOn: body.asKnownOn, format: body.format, language: body.language, treeSize: body.treeSize)
  }

  /// Runs the checks of levels 1–3 against `journal`, then appends a countersignature by `key` to the receipt file.
  /// - Returns: what was checked.
  /// Without `vkey`, the publisher key is the one the journal's `bilan.published` event of this file names.
  public static func countersign(receipt: String, file: String, vkey: String?, journal: String, key: String, program: String)
    throws(ServiceError) -> Verified
  {
    let signer = try KeyFiles.signer(at: key)
    let publisher: String
    if let vkey { publisher = vkey } else { publisher = try publisherKey(of: file, journal: journal) }
    let verified = try verify(receipt: receipt, file: file, vkey: publisher, journal: journal, rerun: true, program: program)
    do {
      var note = try SignedNote(parsing: try InputFile.read(receipt), what: "receipt")
      let line = try signer.sign(note.text)
      if !note.signatures.contains(line) { note.signatures.append(line) }
      try DurableFile.replace(receipt, with: note.bytes)
    } catch {
      throw ServiceError.wrap(error, at: .init(file: receipt))
    }
    return verified
  }
}
