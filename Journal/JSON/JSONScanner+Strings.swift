/// String literals: escapes, `\u` surrogate pairs and UTF-8 validation.
extension JSONScanner {
  /// Parses the string literal whose opening quote is at `i`.
  mutating func parseString() throws(JournalError) -> String {
    let start = i + 1
    var j = start
    // Fast path: no escapes, so the result is the bytes themselves.
    while j < b.count {
      let byte = b[j]
      if byte == UInt8(ascii: "\"") {
        i = j + 1
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") { return try parseEscapedString(start: start, firstEscape: j) }
      if byte < 0x20 { throw controlCharacter(at: j) }
      j = byte < 0x80 ? j + 1 : try validateUTF8(at: j)
    }
    throw unterminatedString(openedAt: i)
  }

  /// Continues a string from its first backslash, building the decoded bytes.
  private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JournalError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(firstEscape - start + 32)
    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<firstEscape]))
    var j = firstEscape
    var runStart = j
    while j < b.count {
      let byte = b[j]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<j]))
        if byte == UInt8(ascii: "\"") {
          i = j + 1
          return String(decoding: out, as: UTF8.self)
        }
        j = try decodeEscape(at: j, into: &out)
        runStart = j
        continue
      }
      if byte < 0x20 { throw controlCharacter(at: j) }
      j = byte < 0x80 ? j + 1 : try validateUTF8(at: j)
    }
    throw unterminatedString(openedAt: start - 1)
  }

  /// Decodes the escape whose backslash is at `j`, appending UTF-8 to `out`;
  /// returns the index after the escape.
  private func decodeEscape(at j: Int, into out: inout [UInt8]) throws(JournalError) -> Int {
    guard j + 1 < b.count else {
      throw malformed(at: j + 1, expected: "an escape character after '\\'")
    }
    let decoded: UInt8
    switch b[j + 1] {
    case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
    case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
    case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "u"):
      return try decodeUnicodeEscape(at: j, into: &out)
    default:
      throw malformed(
        at: j + 1,
        expected: "one of \" \\ / b f n r t u after '\\' (the escape at byte offset \(j) is invalid)")
    }
    out.append(decoded)
    return j + 2
  }

  /// Decodes `\uXXXX` at `j` (and its low-surrogate partner if it is a high surrogate).
  private func decodeUnicodeEscape(at j: Int, into out: inout [UInt8]) throws(JournalError) -> Int {
    let unit = try readHex4(at: j + 2)
    var scalar = UInt32(unit)
    var next = j + 6
    switch unit {
    case 0xD800...0xDBFF:
      guard next + 1 < b.count, b[next] == UInt8(ascii: "\\"), b[next + 1] == UInt8(ascii: "u") else {
        throw malformed(
          at: next,
          expected: "a low-surrogate escape \\uDC00–\\uDFFF right after the high surrogate "
            + "\\u\(hex4(unit)) at byte offset \(j) (lone surrogates are not allowed)")
      }
      let low = try readHex4(at: next + 2)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw malformed(
          at: next,
          expected: "a low-surrogate escape \\uDC00–\\uDFFF after the high surrogate \\u\(hex4(unit)) "
            + "at byte offset \(j), not \\u\(hex4(low))")
      }
      scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
      next += 6
    case 0xDC00...0xDFFF:
      throw malformed(
        at: j, found: "the lone low-surrogate escape \\u\(hex4(unit))",
        expected: "a high-surrogate escape \\uD800–\\uDBFF right before it (lone surrogates are not allowed)")
    default:
      break
    }
    appendUTF8(scalar, to: &out)
    return next
  }

  private func readHex4(at start: Int) throws(JournalError) -> UInt16 {
    var value: UInt16 = 0
    for k in start..<(start + 4) {
      guard k < b.count else { throw malformed(at: k, expected: "4 hexadecimal digits after '\\u'") }
      let byte = b[k]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw malformed(at: k, expected: "4 hexadecimal digits after '\\u'")
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  private func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Checks the multi-byte UTF-8 sequence whose lead byte (≥ 0x80) is at `j`;
  /// returns the index after it. Follows the Unicode "well-formed UTF-8" table.
  func validateUTF8(at j: Int) throws(JournalError) -> Int {
    let lead = b[j]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    var why = ""
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
      why = " (lower bytes would be an overlong encoding)"
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
      why = " (higher bytes would encode a UTF-16 surrogate)"
    case 0xF0:
      length = 4
      low = 0x90
      why = " (lower bytes would be an overlong encoding)"
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
      why = " (higher bytes would be above U+10FFFF)"
    case 0x80...0xBF:
      throw malformed(at: j, expected: "valid UTF-8 (a continuation byte cannot start a character)")
    case 0xC0, 0xC1:
      throw malformed(at: j, expected: "valid UTF-8 (0xC0 and 0xC1 only start overlong encodings)")
    default:
      throw malformed(at: j, expected: "valid UTF-8 (bytes 0xF5–0xFF never occur in UTF-8)")
    }
    for k in 1..<length {
      let index = j + k
      let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
      guard index < b.count, (lo...hi).contains(b[index]) else {
        throw malformed(
          at: index,
          expected: "a UTF-8 continuation byte \(hexByte(lo))–\(hexByte(hi)) for the sequence "
            + "starting with \(hexByte(lead)) at byte offset \(j)" + (k == 1 ? why : ""))
      }
    }
    return j + length
  }
}
