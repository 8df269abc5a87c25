/// Error construction for ``JSONScanner``. Every error is
/// ``JournalError/Code/malformedJSON`` with `location.offset` set, and its one
/// sentence reads "found X at byte offset N (line L, column C), expected Y".
extension JSONScanner {
  /// "Malformed JSON: found <what is at offset> at byte offset N (line, column), expected <expected>."
  func malformed(at offset: Int, expected: String) -> JournalError {
    malformed(at: offset, found: describe(at: offset), expected: expected)
  }

  /// The same sentence with an explicit description of what was found.
  func malformed(at offset: Int, found: String, expected: String) -> JournalError {
    let (line, column) = lineAndColumn(offset)
    let syntax = JSONSyntaxError(found: found, expected: expected, offset: offset, line: line, column: column)
    return JournalError(.malformedJSON, "Malformed JSON: \(syntax).", at: .init(offset: Int64(offset)), cause: syntax)
  }

  func controlCharacter(at offset: Int) -> JournalError {
    malformed(
      at: offset,
      expected: "no raw control character in a string (write it as an escape such as \\n or \\u00\(hexDigits(b[offset])))")
  }

  func unterminatedString(openedAt offset: Int) -> JournalError {
    malformed(at: b.count, expected: "'\"' to close the string that starts at byte offset \(offset)")
  }

  func duplicateKey(_ key: String, at offset: Int) -> JournalError {
    malformed(
      at: offset, found: "the duplicate object key \(quoted(key))",
      expected: "each key at most once in an object")
  }

  /// A short hint for common non-JSON syntax at `offset`, or "".
  func hint(at offset: Int) -> String {
    guard offset < b.count else { return "" }
    switch b[offset] {
    case UInt8(ascii: "'"): return " (JSON strings and keys use double quotes)"
    case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (comments are not allowed in JSON)"
    case UInt8(ascii: "N"), UInt8(ascii: "I"): return " (NaN and Infinity are not JSON numbers)"
    case UInt8(ascii: "+"), UInt8(ascii: "."): return " (numbers start with '-' or a digit)"
    default: return ""
    }
  }

  /// What is at `offset`, for a person: `'x'`, `byte 0xC3`, `control character U+0001`, `end of input`.
  func describe(at offset: Int) -> String {
    guard offset < b.count else { return "end of input" }
    let byte = b[offset]
    switch byte {
    case UInt8(ascii: "'"): return "\"'\""
    case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
    case 0..<0x20: return "control character U+00\(hexDigits(byte).uppercased())"
    default: return "byte \(hexByte(byte))"
    }
  }

  /// The line and column, both 1-based, the column counted in bytes.
  func lineAndColumn(_ offset: Int) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, b.count) where b[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    return (line, offset - lineStart + 1)
  }

  /// A key shown in an error: quoted, at most 40 characters, controls escaped.
  func quoted(_ key: String) -> String {
    var out: [UInt8] = []
    let shown = key.count > 40 ? String(key.prefix(40)) : key
    JSONValue.appendCanonicalString(shown, to: &out)
    if shown.count < key.count { out.insert(contentsOf: "…".utf8, at: out.count - 1) }
    return String(decoding: out, as: UTF8.self)
  }

  func hexByte(_ byte: UInt8) -> String { "0x" + hexDigits(byte).uppercased() }

  func hex4(_ unit: UInt16) -> String {
    hexDigits(UInt8(unit >> 8)).uppercased() + hexDigits(UInt8(unit & 0xFF)).uppercased()
  }

  /// Two lowercase hex digits.
  func hexDigits(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
  }
}
