/// One signature line of a signed note: `— <name> <base64(key ID ‖ signature)>`.
public struct NoteSignature: Sendable, Hashable {
  public let name: String
  /// Key ID (4 bytes) then the signature's own bytes.
  public let bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  public var keyID: [UInt8] { Array(bytes.prefix(4)) }
  /// The bytes after the key ID.
  public var signature: [UInt8] { Array(bytes.dropFirst(4)) }

  /// The line, with its newline.
  public var line: [UInt8] { Array("— \(name) ".utf8) + Base64.encodedBytes(bytes) + [0x0A] }
  public var lineText: String { String(decoding: line, as: UTF8.self) }
}
