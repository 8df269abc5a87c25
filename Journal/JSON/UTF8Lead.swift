/// The well-formed UTF-8 sequences by their lead byte (the Unicode
/// standard's table 3-7): how long the sequence is, and the range its
/// second byte must be in (the others are always 0x80…0xBF). Overlong forms,
/// surrogates and code points past U+10FFFF have no entry.
///
/// ```swift
/// UTF8Lead.bounds(0xE0)   // (3, 0xA0, 0xBF): no overlong 3-byte form
/// UTF8Lead.bounds(0xC0)   // nil
/// ```
package enum UTF8Lead {
  /// The sequence a byte ≥ 0x80 starts, or nil when no well-formed sequence starts with it.
  package static func bounds(_ lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
    switch lead {
    case 0xC2...0xDF: (2, 0x80, 0xBF)
    case 0xE0: (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
    case 0xED: (3, 0x80, 0x9F)
    case 0xF0: (4, 0x90, 0xBF)
    case 0xF1...0xF3: (4, 0x80, 0xBF)
    case 0xF4: (4, 0x80, 0x8F)
    default: nil
    }
  }
}
