/// An inclusion proof as it travels (C2SP tlog-proof, `c2sp.org/tlog-proof@v1`):
///
/// ```
/// c2sp.org/tlog-proof@v1
/// extra <base64 of the leaf: the event line with its newline>
/// index <seq − 1>
/// <base64 hash>            × the path's length, the leaf's sibling first
///
/// <the checkpoint, verbatim, with its signature lines>
/// ```
public struct InclusionProof: Sendable, Equatable {
  public static let header = "c2sp.org/tlog-proof@v1"
  /// RFC 9162 paths are at most 63 hashes long (trees of fewer than 2⁶³ leaves).
  public static let maxHashes = 63

  /// The leaf (the event's line with its newline), when carried.
  public var extra: [UInt8]?
  public var index: UInt64
  public var path: [TreeHash]
  public var checkpoint: SignedCheckpoint

  public init(extra: [UInt8]?, index: UInt64, path: [TreeHash], checkpoint: SignedCheckpoint) {
    self.extra = extra
    self.index = index
    self.path = path
    self.checkpoint = checkpoint
  }

  public var bytes: [UInt8] {
    var out = Array("\(Self.header)\n".utf8)
    if let extra { out += Array("extra ".utf8) + Base64.encodedBytes(extra) + [0x0A] }
    out += Array("index \(index)\n".utf8)
    for h in path { out += Array("\(h.base64)\n".utf8) }
    out.append(0x0A)
    return out + checkpoint.bytes
  }

  /// Parses a proof file.
  /// - Throws: `.invalidInput` saying which line is malformed.
  public init(parsing input: some Collection<UInt8>) throws(JournalError) {
    var lines = ProofLines(Array(input), what: "proof")
    guard try lines.next() == Self.header else {
      throw JournalError(.invalidInput, "The proof does not start with the line '\(Self.header)'.")
    }
    var line = try lines.next()
    if line.hasPrefix("extra ") {
      guard let leaf = Base64.decode(line.dropFirst(6)), !leaf.isEmpty else {
        throw JournalError(.invalidInput, "Line 2 of the proof must be 'extra' and the base64 of the event's line.")
      }
      extra = leaf
      line = try lines.next()
    }
    guard line.hasPrefix("index "), let index = Checkpoint.decimal(line.utf8.dropFirst(6)) else {
      throw JournalError(.invalidInput, "Line \(lines.number) of the proof must be 'index' and the leaf's index in decimal.")
    }
    self.index = index
    path = try lines.hashes()
    checkpoint = try SignedCheckpoint(parsing: lines.rest)
  }
}

/// The line reader of proof files: lines of text, then hashes up to a blank line, then a note.
struct ProofLines {
  let bytes: [UInt8]
  let what: String
  var at = 0
  var number = 0

  init(_ bytes: [UInt8], what: String) {
    self.bytes = bytes
    self.what = what
  }

  /// The next line without its newline.
  mutating func next() throws(JournalError) -> String {
    guard let end = bytes[at...].firstIndex(of: 0x0A) else {
      throw JournalError(.invalidInput, "The \(what) ends before its checkpoint (line \(number + 1) is missing or unterminated).")
    }
    let line = bytes[at..<end]
    guard let text = String(validating: line, as: UTF8.self) else {
      throw JournalError(.invalidInput, "Line \(number + 1) of the \(what) is not valid UTF-8.")
    }
    at = end + 1
    number += 1
    return text
  }

  /// Hash lines up to and including the blank line.
  mutating func hashes() throws(JournalError) -> [TreeHash] {
    var out: [TreeHash] = []
    while true {
      let line = try next()
      if line.isEmpty { return out }
      guard let h = TreeHash(base64: line) else {
        let size = Base64.decode(line)?.count
        throw JournalError(
          .invalidInput,
          "Line \(number) of the \(what) must be the base64 of a 32-byte hash, or the blank line before the checkpoint\(size.map { "; it decodes to \($0) bytes" } ?? "")."
        )
      }
      out.append(h)
      guard out.count <= InclusionProof.maxHashes else {
        throw JournalError(.invalidInput, "The \(what) has more than \(InclusionProof.maxHashes) hashes; no tree needs that many.")
      }
    }
  }

  var rest: ArraySlice<UInt8> { bytes[at...] }
}
