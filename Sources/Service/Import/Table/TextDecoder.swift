import Journal

/// Turns a text file given a block at a time into UTF-8, under the rules of
/// ``TextEncoding/decode(_:)``: a leading UTF-8 byte-order mark is removed
/// (and then says UTF-8 whatever was asked); a byte not valid in the encoding
/// is refused, naming its offset in the file and its line.
///
/// A UTF-8 character cut by the end of a block waits for the next block, so
/// blocks may end anywhere.
///
/// ```swift
/// var decoder = TextDecoder(.windows1252)
/// let text = try decoder.decode(block, final: false) + decoder.decode(last, final: true)
/// ```
struct TextDecoder {
  let encoding: TextEncoding
  /// Bytes of the file decoded so far (the BOM included), and the line breaks among them.
  var offset = 0
  var lineBreaks = 0
  /// Whether the file started with a UTF-8 byte-order mark (known after the first three bytes).
  var bom: Bool? = nil
  /// The start of a UTF-8 character the last block cut.
  var carry: [UInt8] = []

  init(_ encoding: TextEncoding) { self.encoding = encoding }

  static let bomBytes: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The UTF-8 text of `block`, the next bytes of the file (`final`: its last ones).
  ///
  /// - Throws: ``ServiceError`` `.badInput`: the first byte not valid in the encoding.
  mutating func decode(_ block: [UInt8], final: Bool) throws(ServiceError) -> [UInt8] {
    var bytes = carry.isEmpty ? block : carry + block
    carry = []
    if bom == nil {
      if bytes.count < 3 && !final && Self.bomBytes.starts(with: bytes) {
        carry = bytes
        return []
      }
      bom = bytes.starts(with: Self.bomBytes)
      if bom! {
        bytes.removeFirst(3)
        offset = 3
      }
    }
    if bom! || encoding == .utf8 {
      if !final { carry = Self.cutCharacter(&bytes) }
      if let bad = UTF8Check.firstInvalid(bytes, from: 0) {
        let at = offset + bad
        let line = lineBreaks + Newlines.count(in: bytes, 0..<bad) + 1
        if bom! {
          throw ServiceError(
            .badInput,
            "The file starts with a UTF-8 byte-order mark but is not valid UTF-8 at byte offset \(at) (byte \(TextEncoding.hex(bytes[bad]))); expected UTF-8 text throughout: save it again as \"CSV UTF-8\".",
            at: .init(line: line))
        }
        throw ServiceError(
          .badInput,
          "The file is not UTF-8 (perhaps Windows-1252: give --encoding windows-1252): byte \(TextEncoding.hex(bytes[bad])) at byte offset \(at) is not valid UTF-8.",
          at: .init(line: line))
      }
      advance(past: bytes, final: final)
      return bytes
    }
    let text = try Windows1252.utf8(of: bytes, offset: offset, lineBreaks: lineBreaks)
    advance(past: bytes, final: final)
    return text
  }

  /// Counts `bytes` as decoded; their line breaks only for the errors of a block still to come.
  mutating func advance(past bytes: [UInt8], final: Bool) {
    offset += bytes.count
    if !final { lineBreaks += Newlines.count(in: bytes, bytes.indices) }
  }

  /// Removes from the end of `bytes` a UTF-8 character begun but not ended there, and returns it.
  static func cutCharacter(_ bytes: inout [UInt8]) -> [UInt8] {
    // A character takes at most four bytes: its lead is among the last three if it is cut.
    var i = bytes.count - 1
    while i >= 0 && i >= bytes.count - 3 {
      let b = bytes[i]
      if b < 0x80 { return [] }
      if b >= 0xC0 {
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard i + length > bytes.count else { return [] }
        let cut = Array(bytes[i...])
        bytes.removeSubrange(i...)
        return cut
      }
      i -= 1
    }
    return []
  }
}
