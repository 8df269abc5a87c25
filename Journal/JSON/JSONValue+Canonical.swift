/// # Canonical JSON encoding (on-disk contract)
///
/// ``JSONValue/canonicalBytes()`` writes exactly one byte sequence for a
/// value, so equal documents hash equally. The output is UTF-8 and valid
/// RFC 8259 JSON, and obeys these rules, which are part of the file format:
///
/// 1. **No whitespace** anywhere: no space, tab, CR or LF between tokens and
///    no trailing newline.
/// 2. **Literals** are `null`, `true`, `false`.
/// 3. **Numbers** are written as ``JSONNumber/text``:
///    `-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?` — no exponent, no `+`, no leading
///    zeros, no trailing zeros after the point, no lone point, no `-0`;
///    at most 64 digits (sign and point not counted).
/// 4. **Strings** (values and keys alike) are written between `"` and `"`.
///    Exactly these characters are escaped:
///    - `"` (U+0022) as `\"` and `\` (U+005C) as `\\`;
///    - U+0008 as `\b`, U+000C as `\f`, U+000A as `\n`, U+000D as `\r`,
///      U+0009 as `\t`;
///    - every other code point U+0000…U+001F as `\u00XX` with two
///      **lowercase** hex digits (e.g. U+001F is `\u001f`).
///
///    Every other code point is written literally as its UTF-8 bytes,
///    including `/`, U+007F, U+2028, U+2029 and all non-ASCII text. `\u`
///    escapes are never used above U+001F, and strings are not
///    Unicode-normalised (the code points are kept as given).
/// 5. **Arrays** are `[`, the elements in order separated by `,`, then `]`.
/// 6. **Objects** are `{`, the members `"key":value` separated by `,`, then
///    `}`. Members are sorted by key, comparing the keys' UTF-8 bytes
///    lexicographically as unsigned bytes (a key that is a prefix of another
///    sorts first). This equals code-point order, not UTF-16 order and not
///    locale or Swift `String` order. Keys are unique.
///
/// Example: `{"b":[1.5,null],"a":"x\ny"}` is written as
/// `{"a":"x\ny","b":[1.5,null]}`.
extension JSONValue {
  /// The canonical encoding of this value (see the rules above).
  public func canonicalBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)  // most event data fits: one allocation
    appendCanonical(to: &out)
    return out
  }

  /// The canonical encoding as a `String` (the same bytes as ``canonicalBytes()``).
  public var canonicalString: String {
    String(decoding: canonicalBytes(), as: UTF8.self)
  }

  /// Appends the canonical encoding of this value to `out`.
  public func appendCanonical(to out: inout [UInt8]) {
    switch self {
    case .null:
      out.append(contentsOf: Self.nullBytes)
    case .bool(let value):
      out.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    case .number(let number):
      out.append(contentsOf: number.text.utf8)
    case .string(let string):
      Self.appendCanonicalString(string, to: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        element.appendCanonical(to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.count > 16 {
        // Large objects (checkpoints): an ordinary sort.
        let ascii = members.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        let sorted = ascii ? members.sorted { $0.key < $1.key } : members.sorted { Self.utf8Less($0.key, $1.key) }
        Self.appendCanonicalObject(sorted: sorted, to: &out)
        return
      }
      // Event-sized objects: the members' places sorted by key in a buffer on the
      // stack (insertion sort of a handful): no array of pairs made for every event.
      withUnsafeTemporaryAllocation(of: Dictionary<String, JSONValue>.Index.self, capacity: members.count) { order in
        var n = 0
        var i = members.startIndex
        while i != members.endIndex {
          var j = n
          let key = members[i].key
          while j > 0 && Self.utf8Less(key, members[order[j - 1]].key) {
            order[j] = order[j - 1]
            j -= 1
          }
          order[j] = i
          n += 1
          i = members.index(after: i)
        }
        Self.appendCanonicalObject(sorted: order[..<n].lazy.map { members[$0] }, to: &out)
      }
    }
  }

  /// Whether `a` sorts before `b` by their UTF-8 bytes (unsigned), without
  /// the generic collection machinery (this is on the write path of every event).
  static func utf8Less(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { pa in
      b.withUTF8 { pb in
        let n = min(pa.count, pb.count)
        var i = 0
        while i < n {
          if pa[i] != pb[i] { return pa[i] < pb[i] }
          i += 1
        }
        return pa.count < pb.count
      }
    }
  }

  /// Appends `s` as a canonical JSON string literal (quotes included) to `out`,
  /// escaping exactly as rule 4 above says.
  public static func appendCanonicalString(_ s: String, to out: inout [UInt8]) {
    var s = s
    s.withUTF8 { bytes in
      out.append(UInt8(ascii: "\""))
      // Most strings need no escape: found eight bytes at a time, then copied whole.
      let plain = plainPrefix(bytes)
      if plain == bytes.count {
        out.append(contentsOf: bytes)
        out.append(UInt8(ascii: "\""))
        return
      }
      var runStart = 0
      for index in plain..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        if runStart < index {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        }
        runStart = index + 1
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
          out.append(contentsOf: [
            UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
            hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)],
          ])
        }
      }
      if runStart < bytes.count {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
      }
      out.append(UInt8(ascii: "\""))
    }
  }

  /// How many leading bytes of `bytes` a JSON string holds as they are (none
  /// below 0x20, no `"`, no `\`): eight at a time (SWAR), then one by one.
  static func plainPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    while i + 8 <= bytes.count {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      // A byte below 0x20 (ASCII only: bytes with the high bit set are not), or equal to 0x22 or 0x5C.
      let below = (w &- ones &* 0x20) & ~w & highs
      let quote = ((w ^ (ones &* 0x22)) &- ones) & ~(w ^ (ones &* 0x22)) & highs
      let slash = ((w ^ (ones &* 0x5C)) &- ones) & ~(w ^ (ones &* 0x5C)) & highs
      if below | quote | slash != 0 { break }
      i += 8
    }
    while i < bytes.count {
      let c = bytes[i]
      if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { break }
      i += 1
    }
    return i
  }

  private static let nullBytes: [UInt8] = Array("null".utf8)
  private static let trueBytes: [UInt8] = Array("true".utf8)
  private static let falseBytes: [UInt8] = Array("false".utf8)
  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

extension JSONValue: CustomStringConvertible {
  /// The canonical encoding (see ``canonicalString``).
  public var description: String { canonicalString }
}

extension JSONValue {
  /// Appends the canonical encoding of the object whose members are `sorted`
  /// (distinct keys, in the canonical order: by their UTF-8 bytes) to `out`.
  ///
  /// ```swift
  /// var out: [UInt8] = []
  /// JSONValue.appendCanonicalObject(sorted: [("a", 1), ("b", "x")], to: &out)  // {"a":1,"b":"x"}
  /// ```
  @inlinable package static func appendCanonicalObject(
    sorted members: some Sequence<(key: String, value: JSONValue)>, to out: inout [UInt8]
  ) {
    out.append(UInt8(ascii: "{"))
    var first = true
    for member in members {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      appendCanonicalString(member.key, to: &out)
      out.append(UInt8(ascii: ":"))
      member.value.appendCanonical(to: &out)
    }
    out.append(UInt8(ascii: "}"))
  }
}
