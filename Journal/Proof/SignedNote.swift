/// A signed note (C2SP signed-note): a UTF-8 text ending in a newline, a
/// blank line, then one or more lines `— <key name> <base64 signature>`.
/// Checkpoints, cosigned checkpoints and bilan receipts are signed notes.
///
/// ```swift
/// let note = try SignedNote(parsing: bytes, what: "checkpoint")
/// let signers = try note.verify(by: [logKey, witnessKey])   // the keys whose signature is there and valid
/// ```
public struct SignedNote: Sendable, Equatable {
  /// The signed text, ending with its newline (the blank line is not part of it).
  public var text: [UInt8]
  public var signatures: [NoteSignature]

  /// At most this many signature lines are read (as `golang.org/x/mod/sumdb/note`).
  public static let maxSignatures = 100
  static let dash: [UInt8] = [0xE2, 0x80, 0x94, 0x20]

  public init(text: [UInt8], signatures: [NoteSignature] = []) {
    self.text = text
    self.signatures = signatures
  }

  /// The note's bytes: text, blank line, signature lines.
  public var bytes: [UInt8] { text + [0x0A] + signatures.flatMap(\.line) }

  /// Parses a note's bytes.
  /// - Parameter what: what the note is, for messages ("checkpoint", "receipt").
  /// - Throws: `.invalidInput` with one sentence saying what is malformed and where.
  public init(parsing input: some Collection<UInt8>, what: String) throws(JournalError) {
    let bytes = Array(input)
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw JournalError(.invalidInput, "The \(what) is not valid UTF-8 text.")
    }
    if let bad = bytes.firstIndex(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }) {
      throw JournalError(.invalidInput, "The \(what) holds a control character at byte \(bad); a signed note holds only text and newlines.")
    }
    // The text ends at the last blank line; the signatures follow it.
    var split: Int?
    var i = bytes.count - 2
    while i >= 0 {
      if bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
        split = i
        break
      }
      i -= 1
    }
    guard let split, split > 0 else {
      throw JournalError(.invalidInput, "The \(what) has no blank line between its text and its signature lines.")
    }
    text = Array(bytes[...split])
    var lines = bytes[(split + 2)...]
    guard !lines.isEmpty else { throw JournalError(.invalidInput, "The \(what) has no signature line after its blank line.") }
    guard lines.last == 0x0A else { throw JournalError(.invalidInput, "The \(what)'s last signature line does not end with a newline.") }
    signatures = []
    var number = 0
    while let end = lines.firstIndex(of: 0x0A) {
      number += 1
      let line = lines[lines.startIndex..<end]
      lines = lines[(end + 1)...]
      guard number <= Self.maxSignatures else {
        throw JournalError(.invalidInput, "The \(what) has more than \(Self.maxSignatures) signature lines.")
      }
      signatures.append(try Self.signature(line, number: number, what: what))
    }
  }

  static func signature(_ line: ArraySlice<UInt8>, number: Int, what: String) throws(JournalError) -> NoteSignature {
    let fields = line.dropFirst(dash.count).split(separator: 0x20, omittingEmptySubsequences: false)
    guard line.starts(with: dash), fields.count == 2, !fields[0].isEmpty, !fields[0].contains(UInt8(ascii: "+")),
      let bytes = Base64.decode(bytes: fields[1]), bytes.count >= 5
    else {
      throw JournalError(
        .invalidInput, "Signature line \(number) of the \(what) must read '— <key name> <base64 of key ID and signature>'.")
    }
    return NoteSignature(name: String(decoding: fields[0], as: UTF8.self), bytes: bytes)
  }

  /// The keys among `keys` that signed the note. A signature whose name and
  /// key ID match one of `keys` must verify; signatures by other keys are ignored.
  /// - Throws: `.verificationFailed` naming the first known key whose signature fails.
  public func verify(by keys: [NoteVerifier], what: String) throws(JournalError) -> [NoteVerifier] {
    var good: [NoteVerifier] = []
    for s in signatures {
      guard let key = keys.first(where: { $0.name == s.name && $0.keyID == s.keyID }) else { continue }
      guard key.verifies(s.signature, text: text) else {
        throw JournalError(
          .verificationFailed, "The signature of \(key.name) on the \(what) does not verify: the text is not what that key signed.")
      }
      if !good.contains(key) { good.append(key) }
    }
    return good
  }
}
