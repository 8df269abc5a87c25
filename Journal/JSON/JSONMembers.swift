/// The members ``JSONObjectView/members(_:)`` found in one pass, read by
/// the index of their key (nil where absent or not of the kind asked).
public struct JSONMembers: Sendable {
  /// The most keys one call reads (their ranges are kept inline: no allocation per event).
  public static let maxKeys = 8
  let view: JSONObjectView
  /// Per key, the start and end of its value in `view.bytes` (relative), or -1, -1.
  let ranges: SIMD16<Int32>

  func start(_ k: Int) -> Int { Int(ranges[2 * k]) }
  func end(_ k: Int) -> Int { Int(ranges[2 * k + 1]) }

  /// The value's bytes (as written in the object), or nil if the key is absent.
  public func raw(_ k: Int) -> ArraySlice<UInt8>? {
    guard start(k) >= 0 else { return nil }
    let base = view.bytes.startIndex
    return view.bytes[(base + start(k))..<(base + end(k))]
  }

  public func int64(_ k: Int) -> Int64? {
    guard start(k) >= 0 else { return nil }
    return view.bytes.withUnsafeBufferPointer { JSONObjectView.integer(UnsafeBufferPointer(rebasing: $0[start(k)..<end(k)])) }
  }

  public func bool(_ k: Int) -> Bool? {
    guard start(k) >= 0 else { return nil }
    let first = view.bytes[view.bytes.startIndex + start(k)]
    return first == 0x74 ? true : first == 0x66 ? false : nil
  }

  /// A decimal number × 10^power, exactly (euros → cents with power 2).
  public func scaled(_ k: Int, by power: Int) -> Int64? {
    raw(k).flatMap { JSONObjectView.scaled(of: $0, by: power) }
  }
}
