/// Reads what ``ByteWriter`` wrote; every read returns nil past the end.
package struct ByteReader {
  package let bytes: ArraySlice<UInt8>
  package var pos: Int
  package init(_ b: ArraySlice<UInt8>) {
    bytes = b
    pos = b.startIndex
  }
  package var atEnd: Bool { pos == bytes.endIndex }
  package mutating func le<T: FixedWidthInteger>(_: T.Type) -> T? {
    let n = MemoryLayout<T>.size
    guard pos + n <= bytes.endIndex else { return nil }
    let offset = pos - bytes.startIndex
    let v = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    pos += n
    return v
  }
  package mutating func u8() -> UInt8? { le(UInt8.self) }
  package mutating func u16() -> UInt16? { le(UInt16.self) }
  package mutating func u32() -> UInt32? { le(UInt32.self) }
  package mutating func u64() -> UInt64? { le(UInt64.self) }
  package mutating func i32() -> Int32? { le(Int32.self) }
  package mutating func raw(_ n: Int) -> [UInt8]? {
    guard pos + n <= bytes.endIndex else { return nil }
    defer { pos += n }
    return Array(bytes[pos..<(pos + n)])
  }
  /// The same, giving back `previous` when the bytes are those it was read from
  /// (a list whose entries repeat one text: no new string per entry).
  package mutating func string(reusing previous: inout (range: Range<Int>, text: String)?) -> String? {
    guard let n = u32(), pos + Int(n) <= bytes.endIndex else { return nil }
    let range = pos..<(pos + Int(n))
    pos += Int(n)
    if let p = previous, p.range.count == range.count, bytes[p.range].elementsEqual(bytes[range]) { return p.text }
    let text = bytes[range].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    previous = (range, text)
    return text
  }

  package mutating func string() -> String? {
    guard let n = u32(), pos + Int(n) <= bytes.endIndex else { return nil }
    defer { pos += Int(n) }
    // Checked as UTF-8 byte by byte would cost a tenth of a checkpoint's
    // reading; the CRC already vouches for bytes this code wrote.
    return bytes[pos..<(pos + Int(n))].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
  }
}
