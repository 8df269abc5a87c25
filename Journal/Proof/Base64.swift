/// Standard base64 (RFC 4648 §4, with padding), as signed notes, checkpoints
/// and proofs write it. Decoding is strict: the standard alphabet only,
/// padding where it belongs and nowhere else, no whitespace, and no stray
/// bits in the last character — one text for one byte string.
///
/// ```swift
/// Base64.encode([0x01, 0x02])         // "AQI="
/// Base64.decode("AQI=")               // [0x01, 0x02]
/// Base64.decode("AQJ=")               // nil: stray bits
/// ```
public enum Base64 {
  static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static let values: [Int8] = {
    var table = [Int8](repeating: -1, count: 256)
    for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
    return table
  }()

  /// The base64 text of `bytes`.
  public static func encode(_ bytes: some Collection<UInt8>) -> String {
    String(decoding: encodedBytes(bytes), as: UTF8.self)
  }

  /// The base64 text of `bytes`, as ASCII bytes.
  public static func encodedBytes(_ bytes: some Collection<UInt8>) -> [UInt8] {
    let input = Array(bytes)
    var out: [UInt8] = []
    out.reserveCapacity((input.count + 2) / 3 * 4)
    var i = 0
    while i + 3 <= input.count {
      let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
      for shift in [18, 12, 6, 0] as [UInt32] { out.append(alphabet[Int((n >> shift) & 63)]) }
      i += 3
    }
    switch input.count - i {
    case 1:
      let n = UInt32(input[i]) << 16
      out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], 61, 61]
    case 2:
      let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
      out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 61]
    default: break
    }
    return out
  }

  /// The bytes of a strict base64 text, or nil if it is not one.
  public static func decode(_ text: some StringProtocol) -> [UInt8]? { decode(bytes: Array(text.utf8)) }

  /// The bytes of a strict base64 text given as ASCII bytes, or nil if it is not one.
  public static func decode(bytes text: some Collection<UInt8>) -> [UInt8]? {
    let u = Array(text)
    guard u.count % 4 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(u.count / 4 * 3)
    var i = 0
    while i < u.count {
      let last = i + 4 == u.count
      let pad = last ? (u[i + 3] == 61 ? (u[i + 2] == 61 ? 2 : 1) : 0) : 0
      var n: UInt32 = 0
      for k in 0..<(4 - pad) {
        let v = values[Int(u[i + k])]
        guard v >= 0 else { return nil }
        n |= UInt32(v) << (18 - 6 * UInt32(k))
      }
      out.append(UInt8(n >> 16))
      if pad < 2 { out.append(UInt8(n >> 8 & 0xFF)) } else if n & 0xFFFF != 0 { return nil }
      if pad < 1 { out.append(UInt8(n & 0xFF)) } else if pad == 1 && n & 0xFF != 0 { return nil }
      i += 4
    }
    return out
  }
}
