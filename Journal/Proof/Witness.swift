import Crypto

/// An offline witness (PROOFS.md §4, tlog-witness's `add-checkpoint` checks
/// without the HTTP): another institution's folder that remembers, for each
/// log it follows, the largest checkpoint it cosigned, and cosigns a new one
/// only if a consistency proof links the two.
///
/// ```
/// DIR/witness.vkey                     the witness's public key (cosignature, type 04)
/// DIR/<hex SHA-256(origin)>/log.vkey   the keys of a log it follows
/// DIR/<hex SHA-256(origin)>/checkpoint the latest checkpoint it cosigned, with its cosignature
/// ```
///
/// The second file is what tlog-witness serves at `<prefix>/<origin hash>/checkpoint`.
public struct Witness: Sendable {
  let state: String
  let disk: Disk

  /// The witness whose state is the folder `state`.
  public init(state: String, io: any FileIO = POSIXFileIO()) {
    self.state = state
    disk = Disk(io: io)
  }

  /// Creates the state folder for a witness with key `key`.
  /// - Throws: `.alreadyExists` if the folder holds a witness already; `.invalidInput` for a key that is not a cosignature key.
  public func create(key: NoteVerifier) throws(JournalError) {
    guard key.kind == .cosignature else {
      throw JournalError(.invalidInput, "A witness cosigns with a cosignature (type 04) key; '\(key.name)' is not one.")
    }
    guard !POSIX.exists(state + "/witness.vkey") else {
      throw JournalError(.alreadyExists, "The folder \(state) already holds a witness.", at: .init(file: state + "/witness.vkey"))
    }
    if !POSIX.isDirectory(state) { try disk.makeDirectory(state) }
    try disk.writeAtomically(Array("\(key.vkey)\n".utf8), to: state + "/witness.vkey", folder: state)
  }

  /// The witness's public key.
  public func key() throws(JournalError) -> NoteVerifier {
    guard let bytes = CacheFile.read(state + "/witness.vkey") else {
      throw JournalError(.notFound, "The folder \(state) holds no witness.", at: .init(file: state + "/witness.vkey"))
    }
    return try NoteVerifier(vkey: String(decoding: bytes, as: UTF8.self))
  }

  static func folderName(origin: String) -> String { Hex.encode(SHA256.hash(data: Array(origin.utf8))) }

  func logFolder(_ origin: String) -> String { state + "/" + Self.folderName(origin: origin) }

  /// Follows a log: checkpoints of its origin (its key's name) signed by this key can be cosigned.
  /// - Returns: whether the key was new.
  @discardableResult
  public func addLog(_ key: NoteVerifier) throws(JournalError) -> Bool {
    _ = try self.key()
    guard key.kind == .ed25519 else {
      throw JournalError(.invalidInput, "A log signs with an Ed25519 (type 01) key; '\(key.name)' is a cosignature key.")
    }
    try Checkpoint.check(origin: key.name)
    let lock = try self.lock()
    defer { lock.release() }
    let folder = logFolder(key.name)
    var keys = try logKeys(key.name)
    guard !keys.contains(key) else { return false }
    keys.append(key)
    if !POSIX.isDirectory(folder) {
      try disk.makeDirectory(folder)
      try disk.syncDirectory(state)
    }
    try disk.writeAtomically(Array(keys.map { $0.vkey + "\n" }.joined().utf8), to: folder + "/log.vkey", folder: folder)
    return true
  }

  func logKeys(_ origin: String) throws(JournalError) -> [NoteVerifier] {
    guard let bytes = CacheFile.read(logFolder(origin) + "/log.vkey") else { return [] }
    var keys: [NoteVerifier] = []
    for line in bytes.split(separator: 0x0A) { keys.append(try NoteVerifier(vkey: String(decoding: line, as: UTF8.self))) }
    return keys
  }

  /// The latest checkpoint cosigned for `origin`, if any.
  public func latest(origin: String) throws(JournalError) -> SignedCheckpoint? {
    guard let bytes = CacheFile.read(logFolder(origin) + "/checkpoint") else { return nil }
    return try SignedCheckpoint(parsing: bytes)
  }

  /// tlog-witness `add-checkpoint`, offline: checks `request` (a consistency
  /// proof ending with the new checkpoint) against the state, stores the new
  /// checkpoint with the witness's cosignature, and only then returns that line.
  ///
  /// Refusals, with the tlog-witness status they stand for: unknown origin (404)
  /// and an old size above the new one (400), `.invalidInput`; a missing or bad
  /// log signature (403), an old size that is not the one stored (409, the
  /// message says the stored size), and a proof that fails (422: keep the request,
  /// it is evidence), `.verificationFailed`. Nothing is written on a refusal.
  /// - Parameter time: the witness's clock, POSIX seconds.
  public func cosign(_ request: ConsistencyProof, signer: NoteSigner, time: UInt64) throws(JournalError) -> NoteSignature {
    guard signer.verifier == (try key()) else {
      throw JournalError(.invalidInput, "The key given is not this witness's key (\(try key().vkey)).")
    }
    let checkpoint = request.checkpoint.checkpoint
    let keys = try logKeys(checkpoint.origin)
    guard !keys.isEmpty else {
      throw JournalError(.invalidInput, "This witness follows no log of origin '\(checkpoint.origin)' (404); add its key first.")
    }
    let signers = try request.checkpoint.note.verify(by: keys, what: "checkpoint")
    guard !signers.isEmpty else {
      throw JournalError(.verificationFailed, "The checkpoint is not signed by a key of the log '\(checkpoint.origin)' (403).")
    }
    guard request.oldSize <= checkpoint.size else {
      throw JournalError(
        .invalidInput, "The request's old size \(request.oldSize) is larger than its checkpoint's size \(checkpoint.size) (400).")
    }
    let lock = try self.lock()
    defer { lock.release() }
    let stored = try latest(origin: checkpoint.origin)
    let storedSize = stored?.checkpoint.size ?? 0
    guard request.oldSize == storedSize else {
      throw JournalError(
        .verificationFailed,
        "This witness last cosigned size \(storedSize) of '\(checkpoint.origin)', not \(request.oldSize) (409): send a consistency proof from size \(storedSize)."
      )
    }
    let oldRoot = stored?.checkpoint.root ?? .empty
    guard Merkle.verifyConsistency(old: storedSize, new: checkpoint.size, oldRoot: oldRoot, newRoot: checkpoint.root, proof: request.proof)
    else {
      throw JournalError(
        .verificationFailed,
        "The checkpoint of size \(checkpoint.size) is not consistent with the size \(storedSize) this witness cosigned (422): keep this request, it is evidence of a rewritten or forked history."
      )
    }
    let line = try signer.sign(request.checkpoint.note.text, time: time)
    var cosigned = request.checkpoint.note
    cosigned.signatures.removeAll { $0.name == line.name && $0.keyID == line.keyID }
    cosigned.signatures.append(line)
    let folder = logFolder(checkpoint.origin)
    try disk.writeAtomically(cosigned.bytes, to: folder + "/checkpoint", folder: folder)
    return line
  }

  func lock() throws(JournalError) -> WriterLock {
    let lock = try WriterLock(path: state + "/LOCK", timeout: 10)
    try lock.acquire()
    return lock
  }
}
