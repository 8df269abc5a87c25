/// Little-endian binary encoding for cache payloads (checkpoints): integers,
/// raw bytes, length-prefixed UTF-8 strings. Read back with ``ByteReader``.
package struct ByteWriter {
  package init() {}
  package var bytes: [UInt8] = []
  package mutating func u8(_ v: UInt8) { bytes.append(v) }
  package mutating func u16(_ v: UInt16) { le(v) }
  package mutating func u32(_ v: UInt32) { le(v) }
  package mutating func u64(_ v: UInt64) { le(v) }
  package mutating func i32(_ v: Int32) { le(v) }
  package mutating func raw(_ b: [UInt8]) { bytes += b }
  package mutating func string(_ s: String) {
    let u = Array(s.utf8)
    u32(UInt32(u.count))
    bytes += u
  }
  package mutating func le<T: FixedWidthInteger>(_ v: T) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }
}
