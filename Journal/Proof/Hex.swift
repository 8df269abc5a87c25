/// Lowercase hexadecimal, as key IDs and digests are written.
package enum Hex {
  package static func encode(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = []
    for b in bytes {
      out.append(digit(b >> 4))
      out.append(digit(b & 15))
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The lowercase digit of `v` (0…15).
  @inline(__always)
  static func digit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }
}
