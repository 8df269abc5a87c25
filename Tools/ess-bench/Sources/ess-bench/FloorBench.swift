import CLZ4Bench
import Crypto
import Glibc
import Journal

/// The bulk-append floor (#14, part 5): what any journal with the same
/// guarantees must do per batch, and nothing else. Over the generator's
/// pre-encoded lines (the bytes the raw-disk baseline writes): SHA-256 of
/// each line (swift-crypto, as the journal hashes), one LZ4 frame of the
/// batch's lines (liblz4, the journal's frame settings), one `write` and one
/// `fdatasync`. No parsing, no encoding, no chaining, no index, no trailer.
enum FloorBench {
  /// The journal's frame preferences (Journal/Storage/LZ4Frame.swift): independent
  /// blocks, block and content checksums, the content size, level 0 (`lz4 -1`).
  static func preferences(for count: Int) -> LZ4F_preferences_t {
    var prefs = LZ4F_preferences_t()
    prefs.frameInfo.blockSizeID =
      switch count {
      case ...(64 << 10): LZ4F_max64KB
      case ...(256 << 10): LZ4F_max256KB
      case ...(1 << 20): LZ4F_max1MB
      default: LZ4F_max4MB
      }
    prefs.frameInfo.blockMode = LZ4F_blockIndependent
    prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled
    prefs.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled
    prefs.frameInfo.contentSize = UInt64(count)
    prefs.compressionLevel = 0
    return prefs
  }

  static func lz4Error(_ code: Int) -> String { String(cString: LZ4F_getErrorName(code)) }

  /// Compresses `source` into one LZ4 frame at the front of `out` (grown
  /// when too small); returns the frame's length.
  static func compress(_ source: [UInt8], into out: inout [UInt8]) -> Int {
    var prefs = preferences(for: source.count)
    let bound = LZ4F_compressFrameBound(source.count, &prefs)
    if LZ4F_isError(bound) != 0 { System.fail("LZ4F_compressFrameBound: \(lz4Error(bound))") }
    if out.count < bound { out = [UInt8](repeating: 0, count: bound) }
    let written = source.withUnsafeBytes { src in
      out.withUnsafeMutableBytes { dst in
        LZ4F_compressFrame(dst.baseAddress, dst.count, src.baseAddress, src.count, &prefs)
      }
    }
    if LZ4F_isError(written) != 0 { System.fail("LZ4F_compressFrame: \(lz4Error(written))") }
    return written
  }

  /// `total` events in batches of `batch`; times only the hashing, the
  /// compression and the durable write of each batch (generation is outside,
  /// as for every other system). Returns the time and the bytes written.
  static func bulk(path: String, gen: Generator, total: Int, batch: Int) -> (nanos: UInt64, bytes: Int64) {
    var start = 0
    return bulk(path: path) {
      guard start < total else { return nil }
      let b = gen.batch(start, min(batch, total - start))
      start += b.count
      return (b.jsonl, b.lineRanges)
    }
  }

  /// The same over the lines the journal wrote (`lz4 -dc` of its segments, read
  /// back untimed), `batch` a frame: the floor for the journal's own bytes,
  /// which are longer (seq, recordedAt, prev and hash on every line).
  static func bulk(path: String, journalLinesOf journal: String, batch: Int) -> (nanos: UInt64, bytes: Int64) {
    var records: RecordIterator? = nil
    do throws(JournalError) {
      records = try Reader(at: journal).records(from: 1)
    } catch {
      System.fail("cannot read \(journal): \(error.message)")
    }
    return bulk(path: path) {
      var jsonl: [UInt8] = []
      var ranges: [Range<Int>] = []
      do throws(JournalError) {
        while ranges.count < batch, let r = try records?.next() {
          let lineStart = jsonl.count
          jsonl.append(contentsOf: r.bytes)
          ranges.append(lineStart..<jsonl.count)
          jsonl.append(0x0A)
        }
      } catch {
        System.fail("cannot read \(journal): \(error.message)")
      }
      return ranges.isEmpty ? nil : (jsonl, ranges)
    }
  }

  /// The loop itself, over batches from `next` (made untimed): each line hashed, one frame, write, fdatasync.
  static func bulk(path: String, next: () -> (jsonl: [UInt8], lineRanges: [Range<Int>])?) -> (nanos: UInt64, bytes: Int64) {
    let fd = RawDiskBench.openFresh(path)
    defer { close(fd) }
    var nanos: UInt64 = 0
    var bytes: Int64 = 0
    var frame: [UInt8] = []
    var sink: UInt64 = 0
    while let b = next() {
      let t0 = System.now()
      b.jsonl.withUnsafeBytes { all in
        for range in b.lineRanges {
          var hasher = SHA256()
          hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[range]))
          let digest = hasher.finalize()
          digest.withUnsafeBytes { sink &+= $0.loadUnaligned(as: UInt64.self) }
        }
      }
      let count = compress(b.jsonl, into: &frame)
      RawDiskBench.durableWrite(fd, frame[0..<count], path)
      nanos += System.now() - t0
      bytes += Int64(count)
    }
    if sink == 42 { print("") }  // keeps the digests observable
    return (nanos, bytes)
  }
}
