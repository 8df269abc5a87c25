/// Lowercase hexadecimal, as key IDs and digests are written.
package enum Hex {
  package static func encode(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = []
    for b in bytes {
      out.append(ChainHash.hexDigits[Int(b >> 4)])
      out.append(ChainHash.hexDigits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
