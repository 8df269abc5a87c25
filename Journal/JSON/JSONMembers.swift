/// The members ``JSONObjectView/members(_:)`` found in one pass, read by
/// the index of their key (nil where absent or not of the kind asked).
public struct JSONMembers: Sendable {
  /// The most keys one call reads (their ranges are kept inline: no allocation per event).
  public static let maxKeys = 16
  let view: JSONObjectView
  /// Per key, the start and end of its value in `view.bytes` (relative), or -1, -1.
  let ranges: SIMD32<Int32>

  func start(_ k: Int) -> Int { Int(ranges[2 * k]) }
  func end(_ k: Int) -> Int { Int(ranges[2 * k + 1]) }

  /// The value's bytes (as written in the object), or nil if the key is absent.
  public func raw(_ k: Int) -> ArraySlice<UInt8>? {
    guard start(k) >= 0 else { return nil }
    let base = view.bytes.startIndex
    return view.bytes[(base + start(k))..<(base + end(k))]
  }

  /// An integer, or nil if absent or not an integer.
  public func int64(_ k: Int) -> Int64? {
    guard start(k) >= 0 else { return nil }
    return view.bytes.withUnsafeBufferPointer { JSONObjectView.integer(UnsafeBufferPointer(rebasing: $0[start(k)..<end(k)])) }
  }

  /// `true` or `false`, or nil if absent or not a boolean.
  public func bool(_ k: Int) -> Bool? {
    guard start(k) >= 0 else { return nil }
    let first = view.bytes[view.bytes.startIndex + start(k)]
    return first == 0x74 ? true : first == 0x66 ? false : nil
  }

  /// A decimal number × 10^power, exactly (euros → cents with power 2).
  public func scaled(_ k: Int, by power: Int) -> Int64? {
    raw(k).flatMap { JSONObjectView.scaled(of: $0, by: power) }
  }

  /// A string, its escapes undone; nil if absent or not a string.
  public func string(_ k: Int) -> String? {
    raw(k).flatMap { JSONParser.string(quoted: $0) }
  }

  /// An array of strings; nil if absent or not one.
  public func strings(_ k: Int) -> [String]? {
    guard let r = raw(k), r.first == 0x5B, case .array(let items)? = try? JSONParser.parse(r) else { return nil }
    return items.compactMap(\.stringValue)
  }

  /// A nested object; nil if absent or not an object.
  public func object(_ k: Int) -> JSONObjectView? {
    guard let r = raw(k), r.first == 0x7B else { return nil }
    return JSONObjectView(r)
  }
}
