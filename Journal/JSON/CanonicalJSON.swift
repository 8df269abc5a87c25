/// Checks that bytes are exactly the canonical encoding of a JSON object
/// (the rules of ``JSONValue/canonicalBytes()``), in one pass over the bytes
/// and without building a ``JSONValue``: what the writer runs on `data` a
/// client gave already encoded.
///
/// Bytes pass if and only if they are what `canonicalBytes()` writes for
/// some object that ``JSONParser`` can hold: no whitespace, keys sorted by
/// their UTF-8 bytes and unique (also as Swift strings, which compare by
/// canonical equivalence), strings escaped exactly as rule 4 says, numbers
/// as ``JSONNumber/text``, nesting within ``JSONParser/maxDepth``.
///
/// ```swift
/// CanonicalJSON.problem(in: Array(#"{"a":1,"b":[true]}"#.utf8))  // nil
/// CanonicalJSON.problem(in: Array(#"{"b":1,"a":2}"#.utf8))?.offset  // 7: keys out of order
/// ```
public enum CanonicalJSON {
  /// Where the bytes first depart from the canonical form, and what was expected there.
  public struct Problem: Sendable, Equatable {
    public var offset: Int
    public var expected: String
  }

  /// Nil if `bytes` are the canonical encoding of a JSON object, else the first problem.
  public static func problem(in bytes: [UInt8]) -> Problem? {
    bytes.withUnsafeBufferPointer { problem(in: $0) }
  }

  /// The same, over a buffer.
  public static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
    var checker = Checker(b: bytes)
    do throws(Checker.Failure) {
      guard checker.peek == UInt8(ascii: "{") else { throw Checker.Failure(checker.i, "'{' (data is a JSON object)") }
      try checker.value(depth: 0)
      guard checker.i == bytes.count else { throw Checker.Failure(checker.i, "the end of the object") }
      return nil
    } catch {
      return Problem(offset: error.offset, expected: error.expected)
    }
  }
}

extension CanonicalJSON {
  /// The canonical encoding of the JSON object that starts at `start` inside
  /// a larger document, where it is nested `depth` deep (1 for a member of
  /// the top-level object), and the end (exclusive) of its bytes there; nil
  /// unless each of its keys and values is already written in canonical form.
  ///
  /// Only the object's own layout may differ from the canonical one: its
  /// members in any order, whitespace around its keys, colons and commas. Its
  /// values, nested objects included, must be canonical as they are. Nil also
  /// for a repeated key or nesting deeper than ``JSONParser/maxDepth`` in the
  /// document: the caller parses such bytes with ``JSONParser``, which refuses
  /// them or reads them the same way. What follows the object is not read.
  ///
  /// ```swift
  /// let line = Array(#"{"data":{"b":1, "a":"x"},"type":"t"}"#.utf8)
  /// line.withUnsafeBufferPointer { CanonicalJSON.object(in: $0, from: 8, depth: 1) }
  /// // (end: 24, bytes: {"a":"x","b":1})
  /// ```
  package static func object(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, depth: Int
  ) -> (end: Int, bytes: [UInt8])? {
    var checker = Checker(b: bytes, i: start)
    guard checker.peek == UInt8(ascii: "{"), depth + 1 <= JSONParser.maxDepth else { return nil }
    var members: [(key: Range<Int>, value: Range<Int>)] = []
    do throws(Checker.Failure) {
      checker.i += 1
      checker.skipWhitespace()
      if checker.peek == UInt8(ascii: "}") {
        checker.i += 1
        return (checker.i, Array("{}".utf8))
      }
      while true {
        guard checker.peek == UInt8(ascii: "\"") else { return nil }
        let key = try checker.string()
        checker.skipWhitespace()
        try checker.expect(UInt8(ascii: ":"), "':'")
        checker.skipWhitespace()
        let valueStart = checker.i
        try checker.value(depth: depth + 1)
        members.append((key, valueStart..<checker.i))
        checker.skipWhitespace()
        if checker.peek == UInt8(ascii: "}") {
          checker.i += 1
          break
        }
        try checker.expect(UInt8(ascii: ","), "',' or '}'")
        checker.skipWhitespace()
      }
    } catch {
      return nil
    }
    let end = checker.i
    var sorted = true
    for k in 1..<members.count where !Checker.decodedLess(bytes, members[k - 1].key, members[k].key) {
      sorted = false
      break
    }
    if !sorted {
      members.sort { Checker.decodedLess(bytes, $0.key, $1.key) }
      for k in 1..<members.count where !Checker.decodedLess(bytes, members[k - 1].key, members[k].key) { return nil }
    }
    if !Checker.keysDifferAsText(bytes, members.lazy.map(\.key)) { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    out.append(UInt8(ascii: "{"))
    for (k, member) in members.enumerated() {
      if k > 0 { out.append(UInt8(ascii: ",")) }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.key]))
      out.append(UInt8(ascii: ":"))
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member.value]))
    }
    out.append(UInt8(ascii: "}"))
    return (end, out)
  }
}

/// The scanner behind ``CanonicalJSON/problem(in:)``.
private struct Checker {
  struct Failure: Error {
    var offset: Int
    var expected: String
    init(_ offset: Int, _ expected: String) {
      self.offset = offset
      self.expected = expected
    }
  }

  let b: UnsafeBufferPointer<UInt8>
  var i = 0

  var peek: UInt8? { i < b.count ? b[i] : nil }

  mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
    guard peek == byte else { throw Failure(i, what) }
    i += 1
  }

  mutating func literal(_ text: StaticString) throws(Failure) {
    let n = text.utf8CodeUnitCount
    guard i + n <= b.count else { throw Failure(i, "'\(text)'") }
    for k in 0..<n where b[i + k] != text.utf8Start[k] { throw Failure(i + k, "'\(text)'") }
    i += n
  }

  mutating func value(depth: Int) throws(Failure) {
    guard let c = peek else { throw Failure(i, "a value") }
    switch c {
    case UInt8(ascii: "{"): try object(depth: depth + 1)
    case UInt8(ascii: "["): try array(depth: depth + 1)
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    default: throw Failure(i, "a value (no whitespace in canonical JSON)")
    }
  }

  mutating func array(depth: Int) throws(Failure) {
    guard depth <= JSONParser.maxDepth else { throw Failure(i, "nesting at most \(JSONParser.maxDepth) deep") }
    i += 1
    if peek == UInt8(ascii: "]") {
      i += 1
      return
    }
    while true {
      try value(depth: depth)
      if peek == UInt8(ascii: "]") {
        i += 1
        return
      }
      try expect(UInt8(ascii: ","), "',' or ']'")
    }
  }

  mutating func object(depth: Int) throws(Failure) {
    guard depth <= JSONParser.maxDepth else { throw Failure(i, "nesting at most \(JSONParser.maxDepth) deep") }
    let objectStart = i
    i += 1
    if peek == UInt8(ascii: "}") {
      i += 1
      return
    }
    var previous: Range<Int>? = nil
    var nonASCII = false
    while true {
      guard peek == UInt8(ascii: "\"") else { throw Failure(i, "a key") }
      let start = i
      let key = try string()
      if let previous, !Checker.decodedLess(b, previous, key) {
        throw Failure(start, "keys sorted by their UTF-8 bytes, each once (this one is not after the key before it)")
      }
      if !nonASCII && b[key].contains(where: { $0 >= 0x80 }) { nonASCII = true }
      previous = key
      try expect(UInt8(ascii: ":"), "':'")
      try value(depth: depth)
      if peek == UInt8(ascii: "}") {
        i += 1
        break
      }
      try expect(UInt8(ascii: ","), "',' or '}'")
    }
    // Distinct bytes can still be equal Swift strings (canonically equivalent Unicode, even
    // to ASCII: U+212A KELVIN SIGN is "K"): one key for JSONValue. Only objects with a
    // non-ASCII key list their keys for that check (the rest allocate nothing).
    if nonASCII, let same = Checker.firstKeyEqualAsText(b, Checker.keys(ofObjectAt: objectStart, in: b)) {
      throw Failure(same.lowerBound, "keys that differ as Unicode text")
    }
  }

  /// The key ranges (quotes included) of the checked object at `start`.
  static func keys(ofObjectAt start: Int, in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var keys: [Range<Int>] = []
    var i = start + 1
    while i < b.count, b[i] == UInt8(ascii: "\""), let keyEnd = JSONObjectView.skip(b, from: i) {
      keys.append(i..<keyEnd)
      guard let valueEnd = JSONObjectView.skip(b, from: keyEnd + 1), valueEnd < b.count else { break }
      i = valueEnd + 1
      if b[valueEnd] != UInt8(ascii: ",") { break }
    }
    return keys
  }

  /// Whether no two keys (checked string literals, quotes included) are equal Swift strings.
  static func keysDifferAsText(_ b: UnsafeBufferPointer<UInt8>, _ keys: some Collection<Range<Int>>) -> Bool {
    guard keys.contains(where: { b[$0].contains(where: { $0 >= 0x80 }) }) else { return true }
    return firstKeyEqualAsText(b, keys) == nil
  }

  /// The first key equal, as a Swift string, to one before it; nil if none.
  static func firstKeyEqualAsText(_ b: UnsafeBufferPointer<UInt8>, _ keys: some Collection<Range<Int>>) -> Range<Int>? {
    var seen = Set<String>()
    for key in keys {
      let text = String(decoding: UnsafeBufferPointer(rebasing: b[(key.lowerBound + 1)..<(key.upperBound - 1)]), as: UTF8.self)
      guard seen.insert(text).inserted else { return key }
    }
    return nil
  }

  mutating func skipWhitespace() {
    while let c = peek, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 }
  }

  /// A string at `i` (its opening quote); returns its range, quotes included.
  mutating func string() throws(Failure) -> Range<Int> {
    let start = i
    i += 1
    skipPlainASCII()
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "\"") {
        i += 1
        return start..<i
      }
      if c < 0x20 { throw Failure(i, "no raw control character in a string") }
      if c == UInt8(ascii: "\\") {
        try escape()
      } else if c < 0x80 {
        i += 1
      } else {
        try utf8()
      }
    }
    throw Failure(i, "'\"' to close the string")
  }

  /// Moves `i` past whole words of eight bytes that need no check but their
  /// being ASCII, at least 0x20, not `"` and not `\\` (SWAR).
  mutating func skipPlainASCII() {
    guard let base = b.baseAddress else { return }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= b.count {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let below = (w &- ones &* 0x20) & ~w & highs
      let quote = ((w ^ (ones &* 0x22)) &- ones) & ~(w ^ (ones &* 0x22)) & highs
      let slash = ((w ^ (ones &* 0x5C)) &- ones) & ~(w ^ (ones &* 0x5C)) & highs
      if (w & highs) | below | quote | slash != 0 { return }
      i += 8
    }
  }

  /// An escape at `i` (its backslash): only the ones the canonical form writes.
  mutating func escape() throws(Failure) {
    guard i + 1 < b.count else { throw Failure(i + 1, "an escape character") }
    switch b[i + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
      UInt8(ascii: "r"), UInt8(ascii: "t"):
      i += 2
    case UInt8(ascii: "u"):
      // Only U+0000…U+001F without a short escape, as \u00 and two lowercase hex digits.
      guard i + 5 < b.count, b[i + 2] == UInt8(ascii: "0"), b[i + 3] == UInt8(ascii: "0"),
        let hi = Checker.hex(b[i + 4]), hi <= 1, let lo = Checker.hex(b[i + 5])
      else { throw Failure(i, "\\u only for U+0000…U+001F, as \\u00 and two lowercase hex digits") }
      let unit = hi << 4 | lo
      guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(unit) else { throw Failure(i, "the short escape of this character") }
      i += 6
    default:
      throw Failure(i, "one of the escapes \\\" \\\\ \\b \\f \\n \\r \\t \\u00XX (others are written as themselves)")
    }
  }

  static func hex(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    default: return nil
    }
  }

  /// A multi-byte UTF-8 sequence at `i` (well-formed, as the Unicode table says).
  mutating func utf8() throws(Failure) {
    guard let (length, low, high) = UTF8Lead.bounds(b[i]) else { throw Failure(i, "valid UTF-8") }
    for k in 1..<length {
      let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
      guard i + k < b.count, (lo...hi).contains(b[i + k]) else { throw Failure(i + k, "valid UTF-8") }
    }
    i += length
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?`, not `-0`, at most ``JSONNumber/maxDigits`` digits.
  mutating func number() throws(Failure) {
    let start = i
    let what = "a canonical number (no exponent, no '+', no leading zero, no trailing zero after the point, no -0)"
    if peek == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    guard let first = peek, Checker.isDigit(first) else { throw Failure(i, what) }
    if first == UInt8(ascii: "0") {
      i += 1
      digits = 1
      if let next = peek, Checker.isDigit(next) { throw Failure(i, what) }
    } else {
      while let c = peek, Checker.isDigit(c) {
        i += 1
        digits += 1
      }
    }
    var fraction = false
    if peek == UInt8(ascii: ".") {
      i += 1
      guard let c = peek, Checker.isDigit(c) else { throw Failure(i, what) }
      while let c = peek, Checker.isDigit(c) {
        i += 1
        digits += 1
      }
      guard b[i - 1] != UInt8(ascii: "0") else { throw Failure(i - 1, what) }
      fraction = true
    }
    if let c = peek, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: ".") { throw Failure(i, what) }
    if b[start] == UInt8(ascii: "-"), !fraction, i - start == 2, b[start + 1] == UInt8(ascii: "0") { throw Failure(start, what) }
    guard digits <= JSONNumber.maxDigits else { throw Failure(start, "a number of at most \(JSONNumber.maxDigits) digits") }
  }

  static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  /// Whether key `a` sorts strictly before key `b` by their decoded UTF-8 bytes
  /// (both are checked canonical string literals, quotes included).
  static func decodedLess(_ buf: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
    // Byte by byte while neither holds an escape (nearly always: keys are plain names).
    var p = a.lowerBound + 1
    var q = b.lowerBound + 1
    let pEnd = a.upperBound - 1
    let qEnd = b.upperBound - 1
    while p < pEnd && q < qEnd {
      let x = buf[p]
      let y = buf[q]
      if x == UInt8(ascii: "\\") || y == UInt8(ascii: "\\") { return decodedLessEscaped(buf, a, b) }
      if x != y { return x < y }
      p += 1
      q += 1
    }
    return p == pEnd && q < qEnd
  }

  /// ``decodedLess(_:_:_:)`` of keys that hold escapes, decoding them.
  static func decodedLessEscaped(_ buf: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
    var x = Decoded(buf: buf, i: a.lowerBound + 1, end: a.upperBound - 1)
    var y = Decoded(buf: buf, i: b.lowerBound + 1, end: b.upperBound - 1)
    while true {
      switch (x.next(), y.next()) {
      case (nil, nil): return false
      case (nil, _): return true
      case (_, nil): return false
      case (let p?, let q?): if p != q { return p < q }
      }
    }
  }

  /// The bytes a canonical string literal stands for, one at a time.
  struct Decoded {
    let buf: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int

    mutating func next() -> UInt8? {
      guard i < end else { return nil }
      let c = buf[i]
      guard c == UInt8(ascii: "\\") else {
        i += 1
        return c
      }
      let e = buf[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "b"): return 0x08
      case UInt8(ascii: "f"): return 0x0C
      case UInt8(ascii: "n"): return 0x0A
      case UInt8(ascii: "r"): return 0x0D
      case UInt8(ascii: "t"): return 0x09
      case UInt8(ascii: "u"):
        let unit = (Checker.hex(buf[i + 2]) ?? 0) << 4 | (Checker.hex(buf[i + 3]) ?? 0)
        i += 4
        return unit
      default: return e
      }
    }
  }
}
