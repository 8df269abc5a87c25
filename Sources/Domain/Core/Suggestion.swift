/// "Did you mean…?" for typos in field names, type names and choices.
/// Used on error paths only.
package enum Suggestion {
  /// The Levenshtein distance between `a` and `b`, compared case-insensitively.
  package static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The candidates within `maxDistance` of `word`, closest first (ties keep `candidates` order).
  package static func closest(to word: String, among candidates: [String], maxDistance: Int) -> [String] {
    candidates
      .map { (name: $0, distance: distance(word, $0)) }
      .filter { $0.distance <= maxDistance }
      .enumerated()
      .sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
      .map(\.element.name)
  }

  /// The only candidate that starts with `prefix` (3 characters at least,
  /// case ignored), e.g. `asso` → `association`; nil if none or several.
  package static func completion(of prefix: String, among candidates: [String]) -> String? {
    let start = prefix.lowercased()
    guard start.count >= 3 else { return nil }
    let matches = candidates.filter { $0.lowercased().hasPrefix(start) }
    return matches.count == 1 ? matches[0] : nil
  }

  /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
  package static func quotedList(_ names: [String], conjunction: String = "or") -> String {
    let quoted = names.map { "'\($0)'" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
  }
}
