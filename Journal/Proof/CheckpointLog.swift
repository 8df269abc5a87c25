import Glibc

/// A journal's signed checkpoints, in `checkpoints/` (see the Format
/// article, "Merkle tree and checkpoints"): the origin, the log's public key,
/// the witness policy, and one signed note per signed size, never deleted.
///
/// Signing follows PROOFS.md §2.3: never backwards; the root of the largest
/// signed size is recomputed first, and a journal that does not reproduce it
/// (an old backup restored, then appended to) is refused; the events since
/// are checked on the hash chain and hashed from their stored bytes.
///
/// ```swift
/// let log = try CheckpointLog(journal: "journal")
/// try log.setUp(origin: "strasbourg.eu/ess/journal", signer: key)
/// let (signed, _) = try log.sign(signer: key)
/// let proof = try log.prove(seq: 812)
/// ```
public struct CheckpointLog: Sendable {
  let layout: JournalLayout
  let disk: Disk

  /// The checkpoints of the journal at `path`.
  /// - Throws: `.notAJournal` if there is no journal there.
  public init(journal path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    layout = JournalLayout(root: path)
    disk = Disk(io: io)
    try layout.checkIsJournal()
  }

  var folder: String { layout.root + "/checkpoints" }
  var originPath: String { folder + "/origin" }
  var vkeyPath: String { folder + "/log.vkey" }
  var policyPath: String { folder + "/policy" }

  static func fileName(size: UInt64) -> String { JournalLayout.twentyDigits(size) + ".checkpoint" }

  /// Whether signing is set up (an origin is written).
  public var isSetUp: Bool { POSIX.exists(originPath) }

  /// Sets the journal's origin and log key, and a policy naming that key with no witness.
  /// - Throws: `.alreadyExists` if an origin is set; `.invalidInput` if the key's name is not `origin`.
  public func setUp(origin: String, signer: NoteVerifier) throws(JournalError) {
    try Checkpoint.check(origin: origin)
    guard signer.name == origin else {
      throw JournalError(.invalidInput, "The key is named '\(signer.name)', but a log's key must be named after its origin '\(origin)'.")
    }
    guard signer.kind == .ed25519 else {
      throw JournalError(.invalidInput, "A log signs with an Ed25519 (type 01) key; '\(signer.name)' is a cosignature key.")
    }
    let lock = try lockFolder()
    defer { lock.release() }
    guard !isSetUp else {
      throw JournalError(
        .alreadyExists, "This journal already has an origin ('\(try readOrigin())'); it is set once, forever.", at: .init(file: originPath))
    }
    try disk.writeAtomically(Array("\(signer.vkey)\n".utf8), to: vkeyPath, folder: folder)
    try disk.writeAtomically(Array(WitnessPolicy(log: signer).text.utf8), to: policyPath, folder: folder)
    // The origin last: a folder without it is not set up, whatever else it holds.
    try disk.writeAtomically(Array("\(origin)\n".utf8), to: originPath, folder: folder)
  }

  /// The origin, as set up.
  /// - Throws: `.notFound` (location: the origin file) if signing is not set up.
  public func readOrigin() throws(JournalError) -> String {
    guard let bytes = CacheFile.read(originPath), bytes.last == 0x0A else {
      throw JournalError(.notFound, "This journal has no checkpoint origin yet, so nothing is signed.", at: .init(file: originPath))
    }
    return String(decoding: bytes.dropLast(), as: UTF8.self)
  }

  /// The policy file (logs, witnesses, quorum).
  public func policy() throws(JournalError) -> WitnessPolicy {
    _ = try readOrigin()
    guard let bytes = CacheFile.read(policyPath) else {
      throw JournalError(.notFound, "The journal's witness policy is missing.", at: .init(file: policyPath))
    }
    do {
      return try WitnessPolicy(text: String(decoding: bytes, as: UTF8.self))
    } catch {
      throw JournalError(error.code, "\(policyPath): \(error.message)", at: .init(file: policyPath))
    }
  }

  /// Replaces the policy (it must still name a log key of the origin).
  public func savePolicy(_ policy: WitnessPolicy) throws(JournalError) {
    let origin = try readOrigin()
    guard policy.logs.contains(where: { $0.name == origin }) else {
      throw JournalError(.invalidInput, "The policy must list a log key named '\(origin)'.")
    }
    let lock = try lockFolder()
    defer { lock.release() }
    try disk.writeAtomically(Array(policy.text.utf8), to: policyPath, folder: folder)
  }

  /// The sizes of the stored checkpoints, ascending.
  public func sizes() throws(JournalError) -> [UInt64] {
    guard POSIX.isDirectory(folder) else { return [] }
    return try POSIX.list(folder).compactMap { name in
      guard name.count == 31, name.hasSuffix(".checkpoint") else { return nil }
      return UInt64(name.prefix(20))
    }.sorted()
  }

  /// The stored checkpoint of `size`, as written (signature lines included).
  /// - Throws: `.notFound` if there is none; `.invalidInput` if it is malformed.
  public func checkpoint(size: UInt64) throws(JournalError) -> SignedCheckpoint {
    let path = folder + "/" + Self.fileName(size: size)
    guard let bytes = CacheFile.read(path) else {
      throw JournalError(.notFound, "There is no signed checkpoint of size \(size).", at: .init(file: path))
    }
    do throws(JournalError) {
      let signed = try SignedCheckpoint(parsing: bytes)
      guard signed.checkpoint.size == size else {
        throw JournalError(.damaged, "The checkpoint file of size \(size) holds a checkpoint of size \(signed.checkpoint.size).")
      }
      return signed
    } catch {
      throw JournalError(error.code == .invalidInput ? .damaged : error.code, "\(path): \(error.message)", at: .init(file: path))
    }
  }

  /// The stored checkpoint of the largest size, if any.
  public func latest() throws(JournalError) -> SignedCheckpoint? {
    guard let size = try sizes().last else { return nil }
    return try checkpoint(size: size)
  }

  /// The smallest stored checkpoint that holds `seq`, or the latest if `latest`.
  func checkpoint(holding seq: UInt64, latest: Bool) throws(JournalError) -> SignedCheckpoint {
    let all = try sizes()
    guard let size = latest ? all.last : all.first(where: { $0 >= seq }), size >= seq else {
      throw JournalError(
        .invalidInput, "Seq \(seq) is in no signed checkpoint yet (latest: \(all.last.map(String.init) ?? "none")).",
        at: .init(file: folder, seq: seq))
    }
    return try checkpoint(size: size)
  }

  func lockFolder() throws(JournalError) -> WriterLock {
    if !POSIX.isDirectory(folder) {
      try disk.makeDirectory(folder)
      try disk.syncDirectory(layout.root)
    }
    let lock = try WriterLock(path: folder + "/LOCK", timeout: 10)
    try lock.acquire()
    return lock
  }
}
