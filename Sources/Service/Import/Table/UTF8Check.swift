import Journal

/// Validation of UTF-8 bytes that says where the first bad byte is
/// (the standard library only says whether they are valid).
enum UTF8Check {
  /// The offset of the first byte that does not belong to a valid UTF-8
  /// sequence (overlong forms, surrogates and code points past U+10FFFF
  /// included), or nil when every byte from `start` on is valid.
  static func firstInvalid(_ bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { b -> Int? in
      let n = b.count
      var i = start
      while i < n {
        // ASCII, eight bytes at a time where aligned reads are possible.
        while i + 8 <= n {
          let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
        guard i < n else { break }
        let lead = b[i]
        if lead < 0x80 {
          i += 1
          continue
        }
        guard let (length, low, high) = UTF8Lead.bounds(lead) else { return i }
        guard i + length <= n else { return i }
        let second = b[i + 1]
        guard second >= low && second <= high else { return i }
        for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
        i += length
      }
      return nil
    }
  }
}
