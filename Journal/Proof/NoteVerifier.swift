import Crypto

/// A public key that checks signatures on signed notes (C2SP signed-note),
/// written as a *vkey*: `<name>+<hex key ID>+base64(type ‖ public key)`.
///
/// Two types: `0x01`, Ed25519 over the note's text (logs and publishers);
/// `0x04`, a tlog-cosignature/v1 Ed25519 cosignature with a timestamp
/// (witnesses). The key ID is `SHA-256(name ‖ 0x0A ‖ type ‖ key)[0:4]`.
///
/// ```swift
/// let log = try NoteVerifier(vkey: "example.org/ess/test+d58e300e+AX60EImsYJQH38NvAlzk9VH1rKcjGffU8mWW6RVH+hwZ")
/// log.name     // "example.org/ess/test"
/// ```
public struct NoteVerifier: Sendable, Hashable {
  /// What a key signs.
  public enum Kind: UInt8, Sendable {
    /// Ed25519 over the note's text: a log's or a publisher's signature.
    case ed25519 = 0x01
    /// tlog-cosignature/v1: Ed25519 over `cosignature/v1`, the time and the text: a witness's.
    case cosignature = 0x04
  }

  public let name: String
  public let kind: Kind
  public let keyID: [UInt8]
  /// The 32-byte Ed25519 public key.
  public let publicKey: [UInt8]

  /// A verifier for `publicKey` under `name`.
  /// - Throws: `.invalidInput` for a name signed notes cannot carry or a key of the wrong size.
  public init(name: String, kind: Kind, publicKey: [UInt8]) throws(JournalError) {
    try NoteVerifier.checkName(name)
    guard publicKey.count == 32 else {
      throw JournalError(.invalidInput, "An Ed25519 public key is 32 bytes; got \(publicKey.count).")
    }
    self.name = name
    self.kind = kind
    self.publicKey = publicKey
    self.keyID = NoteVerifier.keyID(name: name, kind: kind, key: publicKey)
  }

  /// Parses a vkey line.
  /// - Throws: `.invalidInput`, saying which part is wrong.
  public init(vkey text: some StringProtocol) throws(JournalError) {
    let vkey = text.hasSuffix("\n") ? String(text.dropLast()) : String(text)
    guard let parts = NoteVerifier.split(vkey) else {
      throw JournalError(.invalidInput, "A verifier key is written 'name+keyid+base64key' (key ID: 8 hex digits); got '\(vkey)'.")
    }
    guard let raw = Base64.decode(parts.key), raw.count == 33, let kind = Kind(rawValue: raw[0]) else {
      throw JournalError(
        .invalidInput,
        "The key of verifier key '\(parts.name)' must be base64 of a type byte (01 or 04) and 32 bytes of Ed25519 public key.")
    }
    try self.init(name: parts.name, kind: kind, publicKey: Array(raw[1...]))
    guard Hex.encode(keyID) == parts.id else {
      throw JournalError(
        .invalidInput, "The key ID of verifier key '\(name)' must be \(Hex.encode(keyID)) (from its name and key); got '\(parts.id)'.")
    }
  }

  /// `name+keyid+base64` cut at the first `+` (names have none) and after the 8-digit key ID (base64 may hold `+`).
  static func split(_ text: String) -> (name: String, id: String, key: String)? {
    guard let plus = text.firstIndex(of: "+") else { return nil }
    let rest = text[text.index(after: plus)...]
    guard rest.utf8.count > 9, rest.utf8.dropFirst(8).first == UInt8(ascii: "+") else { return nil }
    let id = rest.prefix(8)
    return (String(text[..<plus]), String(id), String(rest.dropFirst(9)))
  }

  /// The vkey line, without newline.
  public var vkey: String { "\(name)+\(Hex.encode(keyID))+\(Base64.encode([kind.rawValue] + publicKey))" }

  /// `SHA-256(name ‖ 0x0A ‖ type ‖ key)[0:4]`.
  static func keyID(name: String, kind: Kind, key: [UInt8]) -> [UInt8] {
    Array(SHA256.hash(data: Array(name.utf8) + [0x0A, kind.rawValue] + key).prefix(4))
  }

  /// Key names: non-empty, no Unicode space, no `+` (signed-note).
  static func checkName(_ name: String) throws(JournalError) {
    guard !name.isEmpty, !name.contains("+"), !name.unicodeScalars.contains(where: { $0.properties.isWhitespace }),
      !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else {
      throw JournalError(.invalidInput, "A key name must be non-empty, without spaces or '+'; got '\(name)'.")
    }
  }

  /// Whether `signature` (the bytes after the key ID) signs `text` under this key.
  public func verifies(_ signature: [UInt8], text: [UInt8]) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
    switch kind {
    case .ed25519:
      return signature.count == 64 && key.isValidSignature(signature, for: text)
    case .cosignature:
      guard let time = Cosignature.time(of: signature) else { return false }
      return key.isValidSignature(signature[8...], for: Cosignature.message(time: time, text: text))
    }
  }
}
