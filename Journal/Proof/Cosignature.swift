/// tlog-cosignature/v1: a witness's statement that, at a time, the checkpoint
/// was the largest consistent tree it had seen for its origin. Its signature
/// line is `— <name> base64(keyID ‖ timestamp (8, big-endian) ‖ Ed25519)`,
/// over `cosignature/v1\ntime <T>\n` and the checkpoint's note text.
public enum Cosignature {
  /// The signed message for `text` at POSIX time `time`.
  public static func message(time: UInt64, text: [UInt8]) -> [UInt8] {
    Array("cosignature/v1\ntime \(time)\n".utf8) + text
  }

  /// The time a cosignature's bytes (after the key ID) state.
  public static func time(of signature: [UInt8]) -> UInt64? {
    guard signature.count == 72 else { return nil }
    return signature[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }
}
