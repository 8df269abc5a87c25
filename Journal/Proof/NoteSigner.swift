import Crypto
import Foundation

/// A private key that signs notes, kept in a file as
/// `PRIVATE+KEY+<name>+<hex key ID>+base64(type ‖ 32-byte Ed25519 seed)`
/// (the `golang.org/x/mod/sumdb/note` signer format; type `0x04` for a
/// witness's cosigning key). Ed25519 here signs deterministically (RFC 8032).
///
/// ```swift
/// let signer = try NoteSigner(skey: keyFileText)
/// let line = try signer.signatureLine(for: checkpoint.text)   // "— example.org/ess/test …"
/// ```
public struct NoteSigner: Sendable {
  public let verifier: NoteVerifier
  let seed: [UInt8]

  /// A signer from a 32-byte seed.
  /// - Throws: `.invalidInput` for a bad name or seed.
  public init(name: String, kind: NoteVerifier.Kind = .ed25519, seed: [UInt8]) throws(JournalError) {
    guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
      throw JournalError(.invalidInput, "An Ed25519 private key is a 32-byte seed; got \(seed.count) bytes.")
    }
    self.seed = seed
    self.verifier = try NoteVerifier(name: name, kind: kind, publicKey: Array(key.publicKey.rawRepresentation))
  }

  /// A new key from the system's random source.
  public static func generate(name: String, kind: NoteVerifier.Kind = .ed25519) throws(JournalError) -> NoteSigner {
    var seed = [UInt8](repeating: 0, count: 32)
    var rng = SystemRandomNumberGenerator()
    for i in 0..<32 { seed[i] = UInt8.random(in: 0...255, using: &rng) }
    return try NoteSigner(name: name, kind: kind, seed: seed)
  }

  /// Parses a private key file's text.
  /// - Throws: `.invalidInput`, saying which part is wrong (never printing the key).
  public init(skey text: some StringProtocol) throws(JournalError) {
    let line = text.hasSuffix("\n") ? String(text.dropLast()) : String(text)
    guard line.hasPrefix("PRIVATE+KEY+"), let parts = NoteVerifier.split(String(line.dropFirst(12))) else {
      throw JournalError(.invalidInput, "A private key file holds one line 'PRIVATE+KEY+name+keyid+base64key'; this one does not.")
    }
    guard let raw = Base64.decode(parts.key), raw.count == 33, let kind = NoteVerifier.Kind(rawValue: raw[0]) else {
      throw JournalError(.invalidInput, "The private key of '\(parts.name)' must be base64 of a type byte (01 or 04) and a 32-byte seed.")
    }
    try self.init(name: parts.name, kind: kind, seed: Array(raw[1...]))
    guard Hex.encode(verifier.keyID) == parts.id else {
      throw JournalError(
        .invalidInput,
        "The private key file of '\(parts.name)' says key ID \(parts.id), but its key has ID \(Hex.encode(verifier.keyID)).")
    }
  }

  /// The private key file's line, without newline. Keep it secret (mode 0600, outside the journal).
  public var skey: String {
    "PRIVATE+KEY+\(verifier.name)+\(Hex.encode(verifier.keyID))+\(Base64.encode([verifier.kind.rawValue] + seed))"
  }

  public var name: String { verifier.name }

  /// The Ed25519 signature of `message`.
  func ed25519(_ message: [UInt8]) throws(JournalError) -> [UInt8] {
    do {
      let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
      return Array(try key.signature(for: Data(message)))
    } catch {
      throw JournalError(.ioFailure, "Signing failed: \(error).")
    }
  }

  /// The signature of a note's `text`: for an `0x01` key, Ed25519 of the text;
  /// for a witness's `0x04` key, a cosignature at `time` (POSIX seconds).
  public func sign(_ text: [UInt8], time: UInt64 = 0) throws(JournalError) -> NoteSignature {
    var bytes = verifier.keyID
    switch verifier.kind {
    case .ed25519:
      bytes += try ed25519(text)
    case .cosignature:
      for k in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: time >> UInt64(k))) }
      bytes += try ed25519(Cosignature.message(time: time, text: text))
    }
    return NoteSignature(name: verifier.name, bytes: bytes)
  }
}
