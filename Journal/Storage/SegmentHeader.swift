/// The first frame of every segment: an LZ4 skippable frame (magic
/// `0x184D2A50`) that `lz4 -dc` ignores. See `FORMAT.md`, "Segment header".
struct SegmentHeader: Sendable, Equatable {
  static let magic: UInt32 = 0x184D_2A50
  static let tag: [UInt8] = Array("ESSH".utf8)
  static let payloadSize = 52
  static let size = 8 + payloadSize
  /// Format version written by this code. Readers refuse higher versions.
  static let formatVersion: UInt16 = 1

  var formatVersion: UInt16 = SegmentHeader.formatVersion
  var sealed: Bool
  var firstSeq: UInt64
  /// `hash` of event `firstSeq - 1` (zeros for the first segment): each segment can be checked alone.
  var prevHash: ChainHash

  func encoded() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(SegmentHeader.size)
    out.appendLE(SegmentHeader.magic)
    out.appendLE(UInt32(SegmentHeader.payloadSize))
    out.append(contentsOf: SegmentHeader.tag)
    out.appendLE(formatVersion)
    out.appendLE(UInt16(sealed ? 1 : 0))
    out.appendLE(firstSeq)
    out.append(contentsOf: prevHash.bytes)
    out.appendLE(CRC32C.checksum(out[8...]))
    return out
  }

  /// Decodes a header; the error says what is wrong, `file` names the segment.
  static func decode(_ b: ArraySlice<UInt8>, file: String) throws(JournalError) -> SegmentHeader {
    let at = JournalError.Location(file: file, offset: 0)
    guard b.count >= size, b.readLE(UInt32.self, at: 0) == magic,
      b.readLE(UInt32.self, at: 4) == UInt32(payloadSize),
      Array(b[(b.startIndex + 8)..<(b.startIndex + 12)]) == tag
    else { throw JournalError(.damaged, "Segment \(file) does not start with an ess segment header.", at: at) }
    let payload = b[(b.startIndex + 8)..<(b.startIndex + size - 4)]
    guard b.readLE(UInt32.self, at: size - 4) == CRC32C.checksum(payload) else {
      throw JournalError(.damaged, "The header of segment \(file) fails its checksum.", at: at)
    }
    let version = b.readLE(UInt16.self, at: 12)!
    guard version <= SegmentHeader.formatVersion else {
      throw JournalError(
        .unsupportedFormat,
        "Segment \(file) uses format version \(version), newer than this program's \(SegmentHeader.formatVersion): upgrade ess.",
        at: at)
    }
    let flags = b.readLE(UInt16.self, at: 14)!
    let hashStart = b.startIndex + 24
    return SegmentHeader(
      formatVersion: version, sealed: flags & 1 == 1, firstSeq: b.readLE(UInt64.self, at: 16)!,
      prevHash: ChainHash(bytes: Array(b[hashStart..<(hashStart + 32)])))
  }
}
