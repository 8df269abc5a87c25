/// The rule for free texts (names, titles, notes): not blank, no control
/// characters other than tab and line breaks, at most a given number of
/// characters (grapheme clusters, as a person counts them).
enum TextRule {
  /// Why a text breaks the rule.
  enum Problem: Equatable {
    case blank
    case controlCharacter
    case tooLong(count: Int)
  }

  /// The problem with `text`, or nil if it is acceptable. Cheap for valid
  /// ASCII-or-not texts: one pass over the UTF-8 bytes; characters are only
  /// counted when there are more bytes than `maxLength`.
  static func problem(_ text: String, maxLength: Int) -> Problem? {
    var blank = true
    var bytes = 0
    for byte in text.utf8 {
      bytes += 1
      if byte < 0x20 || byte == 0x7F {
        if byte != 0x09 && byte != 0x0A && byte != 0x0D { return .controlCharacter }
      } else if byte != 0x20 {
        blank = false
      }
    }
    if blank { return .blank }
    if bytes > maxLength {
      let count = text.count
      if count > maxLength { return .tooLong(count: count) }
    }
    return nil
  }
}
