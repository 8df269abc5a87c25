import Glibc

/// A read-only view of a JSON object's members, read straight from its
/// canonical bytes (as the journal stores `data`) without building a
/// ``JSONValue`` tree: the fast path of projections, which read a few fields
/// of every event.
///
/// ```swift
/// let data = JSONObjectView(record.dataBytes)
/// data.int64("insertionHours")   // 12500
/// data.scaled("amountEUR", by: 2) // cents
/// ```
public struct JSONObjectView: Sendable, Equatable {
  public let bytes: ArraySlice<UInt8>

  public init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  /// The bytes of the value of `key` (a top-level member), or nil.
  public func raw(_ key: String) -> ArraySlice<UInt8>? {
    var k = key
    guard let range = k.withUTF8({ want in bytes.withUnsafeBufferPointer { JSONObjectView.find(want, in: $0) } }) else {
      return nil
    }
    return bytes[(bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound)]
  }

  /// The value range (relative to `b`) of member `want`, scanning the object's members in order.
  static func find(_ want: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var i = 0
    let end = b.count
    guard end > 0, b[0] == 0x7B else { return nil }
    i = 1
    while i < end, b[i] == 0x22 {
      let keyStart = i + 1
      var j = keyStart
      while j < end, b[j] != 0x22 { j += b[j] == 0x5C ? 2 : 1 }
      guard j < end else { return nil }
      var matches = j - keyStart == want.count
      if matches {
        for n in 0..<want.count where b[keyStart + n] != want[n] {
          matches = false
          break
        }
      }
      let valueStart = j + 2  // skip `":`
      guard let valueEnd = skip(b, from: valueStart) else { return nil }
      if matches { return valueStart..<valueEnd }
      i = valueEnd
      if i < end, b[i] == 0x2C { i += 1 } else { break }
    }
    return nil
  }

  /// The end of the JSON value starting at `start` (exclusive), or nil if malformed.
  package static func skip(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    let end = b.count
    guard i < end else { return nil }
    switch b[i] {
    case 0x22:
      i += 1
      while i < end, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
      return i < end ? i + 1 : nil
    case 0x7B, 0x5B:
      var depth = 0
      while i < end {
        switch b[i] {
        case 0x22:
          i += 1
          while i < end, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
        case 0x7B, 0x5B: depth += 1
        case 0x7D, 0x5D:
          depth -= 1
          if depth == 0 { return i + 1 }
        default: break
        }
        i += 1
      }
      return nil
    default:
      while i < end, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x5D { i += 1 }
      return i
    }
  }

  /// Several members in one pass over the object, read by their index in
  /// `keys` (see ``JSONKeys``):
  ///
  /// ```swift
  /// let m = data.members(JSONKeys(["amountEUR", "socialClause"]))
  /// m.scaled(0, by: 2)   // cents
  /// m.bool(1)            // true, false or nil
  /// ```
  public func members(_ keys: JSONKeys) -> JSONMembers {
    var ranges = SIMD32<Int32>(repeating: -1)
    bytes.withUnsafeBufferPointer { b in
      keys.bytes.withUnsafeBufferPointer { names in
        let starts = keys.starts
        let lengths = keys.lengths
        var i = 1
        let end = b.count
        guard end > 0, b[0] == 0x7B else { return }
        while i < end, b[i] == 0x22 {
          let keyStart = i + 1
          var j = keyStart
          while j < end, b[j] != 0x22 { j += b[j] == 0x5C ? 2 : 1 }
          guard j < end, let valueEnd = JSONObjectView.skip(b, from: j + 2) else { return }
          let length = j - keyStart
          let first = b[keyStart]
          for k in 0..<keys.count where ranges[2 * k] < 0 {
            let start = Int(starts[k])
            guard Int(lengths[k]) == length, names[start] == first else { continue }
            if memcmp(names.baseAddress! + start, b.baseAddress! + keyStart, length) == 0 {
              ranges[2 * k] = Int32(truncatingIfNeeded: j + 2)
              ranges[2 * k + 1] = Int32(truncatingIfNeeded: valueEnd)
              break
            }
          }
          i = valueEnd
          if i < end, b[i] == 0x2C { i += 1 } else { break }
        }
      }
    }
    return JSONMembers(view: self, ranges: ranges)
  }

  /// An integer value's bytes, read; nil if not an integer.
  public static func int64(of raw: ArraySlice<UInt8>) -> Int64? {
    raw.withUnsafeBufferPointer { integer($0) }
  }

  /// A boolean value's bytes, read; nil if not a boolean.
  public static func bool(of raw: ArraySlice<UInt8>?) -> Bool? {
    guard let first = raw?.first else { return nil }
    return first == 0x74 ? true : first == 0x66 ? false : nil
  }

  /// A decimal number's bytes × 10^power, exactly (euros → cents with power
  /// 2); nil if not a number or not exact at that scale.
  public static func scaled(of raw: ArraySlice<UInt8>, by power: Int) -> Int64? {
    // The common case, digits with at most `power` decimals, without making a string.
    var v: Int64 = 0
    var decimals = -1
    let leadingZero = raw.count >= 2 && raw.first == 0x30 && raw[raw.startIndex + 1] != 0x2E
    var plain = !raw.isEmpty && raw.count <= 15 && power >= 0 && power <= 3 && (0x30...0x39).contains(raw.first ?? 0) && !leadingZero
    for c in raw where plain {
      if c == 0x2E, decimals < 0 {
        decimals = 0
      } else if c >= 0x30 && c <= 0x39 {
        v = v * 10 + Int64(c - 0x30)
        if decimals >= 0 { decimals += 1 }
      } else {
        plain = false
      }
    }
    if plain && decimals != 0 && decimals <= power && raw.last != 0x2E {
      for _ in 0..<(power - max(decimals, 0)) { v *= 10 }
      return v
    }
    return JSONNumber(literal: String(decoding: raw, as: UTF8.self))?.scaled(by: power)
  }

  static func integer(_ r: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard let first = r.first, first == 0x2D || (first >= 0x30 && first <= 0x39) else { return nil }
    var v: Int64 = 0
    var negative = false
    for b in r {
      if b == 0x2D {
        negative = true
        continue
      }
      guard b >= 0x30 && b <= 0x39 else { return nil }
      v = v &* 10 &+ Int64(b - 0x30)
    }
    return negative ? -v : v
  }

  public func int64(_ key: String) -> Int64? {
    raw(key).flatMap { r in r.withUnsafeBufferPointer { JSONObjectView.integer($0) } }
  }

  /// A decimal number × 10^power, exactly (e.g. euros → cents with power 2); nil if not exact.
  public func scaled(_ key: String, by power: Int) -> Int64? {
    raw(key).flatMap { JSONObjectView.scaled(of: $0, by: power) }
  }

  public func bool(_ key: String) -> Bool? { JSONObjectView.bool(of: raw(key)) }

  public func string(_ key: String) -> String? { raw(key).flatMap { JSONParser.string(quoted: $0) } }

  /// The elements of an array of strings.
  public func strings(_ key: String) -> [String]? {
    guard let r = raw(key), case .array(let items)? = try? JSONParser.parse(r) else { return nil }
    return items.compactMap(\.stringValue)
  }

  /// A nested object.
  public func object(_ key: String) -> JSONObjectView? {
    guard let r = raw(key), r.first == 0x7B else { return nil }
    return JSONObjectView(r)
  }
}
