import Crypto

/// Name-based UUIDs, version 5 (RFC 9562 §5.5: SHA-1 of a namespace UUID
/// followed by the name's UTF-8 bytes, version and variant bits set): the
/// same name in the same namespace always gives the same UUID, so an event
/// whose id is made from what identifies it is written once however often it
/// is imported.
///
/// ```swift
/// NameBasedUUID.v5(namespace: NameBasedUUID.dns, name: "www.example.com")
/// // "2ed6657d-e927-568b-95e1-2665a8aea6a2" (RFC 9562, appendix A.4)
/// ```
enum NameBasedUUID {
  /// The RFC's namespace for domain names, `6ba7b810-9dad-11d1-80b4-00c04fd430c8`.
  static let dns: [UInt8] = [
    0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
  ]

  /// The version-5 UUID of `name` in `namespace` (16 bytes), in lowercase text.
  static func v5(namespace: [UInt8], name: String) -> String {
    var bytes = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(36)
    for (i, b) in bytes.enumerated() {
      if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
      text.append(hex[Int(b >> 4)])
      text.append(hex[Int(b & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
