/// Column names compared as people type them: case, accents, spaces around
/// and between words, and typographic apostrophes do not matter.
enum HeaderName {
  /// `"  Heures  d’Insertion "` → `"heures d'insertion"`.
  static func fold(_ name: String) -> String {
    var out = ""
    var space = false
    for scalar in name.unicodeScalars {
      if scalar.properties.isWhitespace {
        space = !out.isEmpty
        continue
      }
      if space {
        out.append(" ")
        space = false
      }
      let lower = String(scalar).lowercased()
      out += lower.unicodeScalars.count == 1 ? plain(lower.unicodeScalars.first!) : lower
    }
    return out
  }

  /// A lowercase letter without its accent; `œ` and `æ` spelt out; `’` as `'`.
  static func plain(_ s: Unicode.Scalar) -> String {
    switch s {
    case "à", "â", "ä", "á", "ã", "å": "a"
    case "ç": "c"
    case "é", "è", "ê", "ë": "e"
    case "î", "ï", "í", "ì": "i"
    case "ô", "ö", "ó", "ò", "õ": "o"
    case "ù", "û", "ü", "ú": "u"
    case "ÿ", "ý": "y"
    case "ñ": "n"
    case "œ": "oe"
    case "æ": "ae"
    case "’", "‘", "`", "´": "'"
    default: String(s)
    }
  }
}
