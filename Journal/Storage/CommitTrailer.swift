/// The record that ends every commit (and every frame of a sealed segment):
/// an LZ4 skippable frame (magic `0x184D2A51`). A commit is the LZ4 frames
/// between the previous trailer (or the header) and this one; it exists only
/// if this trailer is whole and its checksums match. See `FORMAT.md`.
struct CommitTrailer: Sendable, Equatable {
  static let magic: UInt32 = 0x184D_2A51
  static let tag: [UInt8] = Array("ESSC".utf8)
  static let payloadSize = 84
  static let size = 8 + payloadSize

  var firstSeq: UInt64
  var count: UInt32
  /// Bytes of the LZ4 frames of this commit, just before the trailer.
  var dataLength: UInt64
  /// Bytes of JSON Lines those frames decompress to.
  var rawLength: UInt64
  /// CRC-32C of the `dataLength` compressed bytes.
  var dataCRC: UInt32
  var lastRecordedAt: Timestamp
  var lastHash: ChainHash

  var lastSeq: UInt64 { firstSeq + UInt64(count) - 1 }

  func encoded() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(CommitTrailer.size)
    out.appendLE(CommitTrailer.magic)
    out.appendLE(UInt32(CommitTrailer.payloadSize))
    out.append(contentsOf: CommitTrailer.tag)
    out.appendLE(UInt16(1))
    out.appendLE(UInt16(0))
    out.appendLE(firstSeq)
    out.appendLE(count)
    out.appendLE(dataLength)
    out.appendLE(rawLength)
    out.appendLE(dataCRC)
    out.appendLE(lastRecordedAt.millisecondsSince1970)
    out.append(contentsOf: lastHash.bytes)
    out.appendLE(CRC32C.checksum(out[8...]))
    return out
  }

  /// Decodes a trailer; nil if these bytes are not a whole, valid trailer.
  static func decode(_ b: ArraySlice<UInt8>) -> CommitTrailer? {
    guard b.count >= size, b.readLE(UInt32.self, at: 0) == magic,
      b.readLE(UInt32.self, at: 4) == UInt32(payloadSize),
      b[b.startIndex + 8] == tag[0], b[b.startIndex + 9] == tag[1], b[b.startIndex + 10] == tag[2],
      b[b.startIndex + 11] == tag[3],
      b.readLE(UInt32.self, at: size - 4) == CRC32C.checksum(b[(b.startIndex + 8)..<(b.startIndex + size - 4)]),
      let count = b.readLE(UInt32.self, at: 24), count > 0
    else { return nil }
    let hashStart = b.startIndex + 56
    return CommitTrailer(
      firstSeq: b.readLE(UInt64.self, at: 16)!, count: count,
      dataLength: b.readLE(UInt64.self, at: 28)!, rawLength: b.readLE(UInt64.self, at: 36)!,
      dataCRC: b.readLE(UInt32.self, at: 44)!,
      lastRecordedAt: Timestamp(millisecondsSince1970: b.readLE(Int64.self, at: 48)!),
      lastHash: ChainHash(bytes: Array(b[hashStart..<(hashStart + 32)])))
  }
}
