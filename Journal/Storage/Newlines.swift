import Glibc

/// Counting lines in a buffer of JSON Lines, a `memchr` at a time.
package enum Newlines {
  /// How many `\n` bytes `bytes[range]` holds.
  package static func count(in bytes: [UInt8], _ range: Range<Int>) -> Int {
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress, !range.isEmpty else { return 0 }
      var count = 0
      var p = base + range.lowerBound
      let end = base + range.upperBound
      while p < end, let hit = memchr(p, 0x0A, end - p) {
        count += 1
        p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
      }
      return count
    }
  }
}
