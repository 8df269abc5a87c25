/// Little-endian integer encoding for the journal's binary records.
extension Array where Element == UInt8 {
  mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
    var v = value.littleEndian
    Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
  }
}

extension Collection where Element == UInt8, Index == Int {
  /// Reads a little-endian integer at `offset` (relative to `startIndex`); nil if out of bounds.
  func readLE<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T? {
    let size = MemoryLayout<T>.size
    let start = startIndex + offset
    guard offset >= 0, start + size <= endIndex else { return nil }
    var v: T = 0
    for i in 0..<size { v |= T(truncatingIfNeeded: self[start + i]) << (8 * i) }
    return v
  }
}
