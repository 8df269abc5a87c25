import Glibc

/// The event type names a reader has met, so that equal names read from
/// many lines are one shared `String` (a journal holds a few dozen types;
/// making a new string for each of a million events is most of the cost
/// of reading the name). Open addressing over a cheap hash, the names'
/// bytes laid end to end.
struct TypeNames {
  private var bytes: [UInt8] = []
  private var starts = [Int](repeating: 0, count: 128)
  private var lengths = [Int](repeating: -1, count: 128)
  private var names = [String](repeating: "", count: 128)
  private var count = 0

  /// The name written `quoted` (a JSON string with its quotes, escapes undone if any).
  mutating func name(quoted: UnsafeBufferPointer<UInt8>) -> String {
    let text = UnsafeBufferPointer(rebasing: quoted.dropFirst().dropLast())
    guard !text.isEmpty else { return "" }
    let mask = lengths.count - 1
    var k = TypeTable.hash(text) & mask
    let found: Bool = bytes.withUnsafeBufferPointer { all in
      while lengths[k] >= 0 {
        if lengths[k] == text.count, memcmp(all.baseAddress! + starts[k], text.baseAddress!, text.count) == 0 { return true }
        k = (k + 1) & mask
      }
      return false
    }
    if found { return names[k] }
    let name = JSONParser.string(quoted: quoted) ?? String(decoding: text, as: UTF8.self)
    guard count < lengths.count / 2 else { return name }  // hundreds of types: stop remembering
    starts[k] = bytes.count
    lengths[k] = text.count
    names[k] = name
    bytes += text
    count += 1
    return name
  }
}
