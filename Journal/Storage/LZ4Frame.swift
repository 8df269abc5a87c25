import CLZ4

/// The only door to liblz4: standard LZ4 frames (block checksums and content
/// checksum on, content size in the header), compressed at the speed of `lz4 -1`.
///
/// Every C return code is checked; no pointer leaves this file.
enum LZ4Frame {
  /// The largest block size ID (4 MiB), as `lz4 -B7`.
  static let maxBlockBytes = 4 << 20

  /// Returns one complete LZ4 frame holding `source`.
  static func compress(_ source: ArraySlice<UInt8>) throws(JournalError) -> [UInt8] {
    var out: [UInt8] = []
    try compress(source, appendingTo: &out)
    return out
  }

  /// Appends one complete LZ4 frame holding `source` to `out`.
  static func compress(_ source: ArraySlice<UInt8>, appendingTo out: inout [UInt8]) throws(JournalError) {
    var prefs = LZ4F_preferences_t()
    prefs.frameInfo.blockSizeID = blockSizeID(for: source.count)
    prefs.frameInfo.blockMode = LZ4F_blockIndependent
    prefs.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled
    prefs.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled
    prefs.frameInfo.contentSize = UInt64(source.count)
    prefs.compressionLevel = 0
    let bound = LZ4F_compressFrameBound(source.count, &prefs)
    if LZ4F_isError(bound) != 0 { throw failure("size the frame for", bound) }
    var written = 0
    let buffer = [UInt8](unsafeUninitializedCapacity: bound) { dst, initialized in
      written = source.withUnsafeBytes { src in
        LZ4F_compressFrame(dst.baseAddress, dst.count, src.baseAddress, src.count, &prefs)
      }
      initialized = LZ4F_isError(written) != 0 ? 0 : written
    }
    if LZ4F_isError(written) != 0 { throw failure("compress", written) }
    out.append(contentsOf: buffer)
  }

  /// Decompresses one complete frame, checking every block checksum and the
  /// content checksum. Throws `.damaged` if any check fails, if the bytes are
  /// not exactly one frame, or if the content size differs from the header's.
  static func decompress(_ frame: ArraySlice<UInt8>, into out: inout [UInt8]) throws(JournalError) {
    var dctx: OpaquePointer? = nil
    let created = LZ4F_createDecompressionContext(&dctx, UInt32(LZ4F_VERSION))
    if LZ4F_isError(created) != 0 || dctx == nil { throw failure("create a decompression context for", created) }
    defer { _ = LZ4F_freeDecompressionContext(dctx) }

    let start = out.count
    var declared = 0
    // Read the header alone first to learn the content size.
    let headerResult: Int = frame.withUnsafeBytes { src -> Int in
      var info = LZ4F_frameInfo_t()
      var consumed = src.count
      let r = LZ4F_getFrameInfo(dctx, &info, src.baseAddress, &consumed)
      if LZ4F_isError(r) != 0 { return -1 }
      declared = Int(truncatingIfNeeded: info.contentSize)
      return consumed
    }
    if headerResult < 0 { throw JournalError(.damaged, "An LZ4 frame header is invalid.") }
    // Content size is in our frames' headers; frames without it (other tools') grow the buffer.
    let known = declared > 0
    out.append(contentsOf: repeatElement(0, count: known ? declared : 64 << 10))
    var srcPos = headerResult
    var dstPos = start
    var finished = false
    var lastError: Int = 0
    while !finished && lastError == 0 {
      var progressed = false
      frame.withUnsafeBytes { src in
        out.withUnsafeMutableBytes { dst in
          while dstPos < dst.count || known {
            var srcSize = src.count - srcPos
            var dstSize = dst.count - dstPos
            let hint = LZ4F_decompress(
              dctx, dst.baseAddress! + dstPos, &dstSize, src.baseAddress! + srcPos, &srcSize, nil)
            if LZ4F_isError(hint) != 0 {
              lastError = hint
              return
            }
            srcPos += srcSize
            dstPos += dstSize
            if srcSize > 0 || dstSize > 0 { progressed = true }
            if hint == 0 {
              finished = true
              return
            }
            if srcSize == 0 && dstSize == 0 { return }
          }
        }
      }
      if finished || lastError != 0 { break }
      if known || !progressed || srcPos >= frame.count && dstPos < out.count { break }
      out.append(contentsOf: repeatElement(0, count: max(64 << 10, out.count - start)))
    }
    if !known && finished { out.removeSubrange(dstPos...) }
    if lastError != 0 {
      out.removeSubrange(start...)
      throw JournalError(.damaged, "An LZ4 frame failed its check (\(errorName(lastError))).")
    }
    guard finished, srcPos == frame.count, dstPos == out.count else {
      out.removeSubrange(start...)
      throw JournalError(.damaged, "An LZ4 frame is truncated or its size does not match its header.")
    }
  }

  /// Decompresses `frame` over the front of `buffer`, reusing its storage
  /// (the read path: one buffer serves frame after frame, nothing is
  /// zeroed or reallocated), and returns the content's length; bytes of
  /// `buffer` past it are left over from before. The same checks as
  /// ``decompress(_:into:)``.
  static func decompress(_ frame: ArraySlice<UInt8>, over buffer: inout [UInt8]) throws(JournalError) -> Int {
    var dctx: OpaquePointer? = nil
    let created = LZ4F_createDecompressionContext(&dctx, UInt32(LZ4F_VERSION))
    if LZ4F_isError(created) != 0 || dctx == nil { throw failure("create a decompression context for", created) }
    defer { _ = LZ4F_freeDecompressionContext(dctx) }
    var declared = 0
    var srcPos = 0
    var dstPos = 0
    var hint = 0
    frame.withUnsafeBytes { src in
      var info = LZ4F_frameInfo_t()
      var consumed = src.count
      let r = LZ4F_getFrameInfo(dctx, &info, src.baseAddress, &consumed)
      guard LZ4F_isError(r) == 0 else { return }
      declared = Int(truncatingIfNeeded: info.contentSize)
      srcPos = consumed
      guard declared > 0 else { return }
      // One call per block until the frame's end (hint 0), straight into `dst`.
      func run(_ dst: UnsafeMutableRawPointer) {
        repeat {
          var srcSize = src.count - srcPos
          var dstSize = declared - dstPos
          hint = LZ4F_decompress(dctx, dst + dstPos, &dstSize, src.baseAddress! + srcPos, &srcSize, nil)
          if LZ4F_isError(hint) != 0 { return }
          srcPos += srcSize
          dstPos += dstSize
          if srcSize == 0 && dstSize == 0 { return }
        } while hint != 0
      }
      if declared <= buffer.count {
        buffer.withUnsafeMutableBytes { run($0.baseAddress!) }
      } else {
        // Too small: a new buffer, not zeroed first.
        buffer = [UInt8](unsafeUninitializedCapacity: declared) { dst, initialized in
          run(UnsafeMutableRawPointer(dst.baseAddress!))
          initialized = dstPos
        }
      }
    }
    guard declared > 0 else {
      // A frame without a declared size (another tool's): the growing path.
      buffer.removeAll(keepingCapacity: true)
      try decompress(frame, into: &buffer)
      return buffer.count
    }
    if LZ4F_isError(hint) != 0 {
      throw JournalError(.damaged, "An LZ4 frame failed its check (\(errorName(hint))).")
    }
    guard hint == 0, srcPos == frame.count, dstPos == declared else {
      throw JournalError(.damaged, "An LZ4 frame is truncated or its size does not match its header.")
    }
    return declared
  }

  static func blockSizeID(for count: Int) -> LZ4F_blockSizeID_t {
    switch count {
    case ...(64 << 10): return LZ4F_max64KB
    case ...(256 << 10): return LZ4F_max256KB
    case ...(1 << 20): return LZ4F_max1MB
    default: return LZ4F_max4MB
    }
  }

  static func errorName(_ code: Int) -> String {
    guard let name = LZ4F_getErrorName(code) else { return "unknown error" }
    return String(cString: name)
  }

  static func failure(_ what: String, _ code: Int) -> JournalError {
    JournalError(.ioFailure, "liblz4 could not \(what) a frame (\(errorName(code))).")
  }
}
