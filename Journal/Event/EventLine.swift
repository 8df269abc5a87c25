/// Writes an event as its canonical JSON line and computes its chain hash.
///
/// The line is (keys in this order, no whitespace, `source`/`reason` omitted
/// when nil, strings and `data` in canonical JSON — see `FORMAT.md`):
///
///     {"seq":7,"id":"…","type":"…","version":1,"occurredOn":"…","recordedAt":"…",
///      "author":"…","source":"…","reason":"…","data":{…},"prev":"sha256:…","hash":"sha256:…"}
///
/// `body` is the same object without `prev` and `hash`; the line is `body`
/// minus its final `}` followed by the fixed-size ``suffixLength``-byte tail.
enum EventLine {
  /// `,"prev":"` + 71 + `","hash":"` + 71 + `"}`.
  static let suffixLength = 9 + ChainHash.textLength + 10 + ChainHash.textLength + 2

  static func body(
    seq: UInt64, id: String, event: NewEvent, recordedAt: Timestamp, into out: inout [UInt8]
  ) {
    func key(_ k: StaticString) {
      out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
    }
    key("{\"seq\":")
    out.append(contentsOf: String(seq).utf8)
    key(",\"id\":")
    JSONValue.appendCanonicalString(id, to: &out)
    key(",\"type\":")
    JSONValue.appendCanonicalString(event.type, to: &out)
    key(",\"version\":")
    out.append(contentsOf: String(event.version).utf8)
    key(",\"occurredOn\":")
    JSONValue.appendCanonicalString(event.occurredOn, to: &out)
    key(",\"recordedAt\":\"")
    recordedAt.appendRFC3339(to: &out)
    key("\",\"author\":")
    JSONValue.appendCanonicalString(event.author, to: &out)
    if let source = event.source {
      key(",\"source\":")
      JSONValue.appendCanonicalString(source, to: &out)
    }
    if let reason = event.reason {
      key(",\"reason\":")
      JSONValue.appendCanonicalString(reason, to: &out)
    }
    key(",\"data\":")
    event.data.appendCanonical(to: &out)
    out.append(UInt8(ascii: "}"))
  }

  /// Appends the full line (with `prev`, `hash` and a final newline) to `out`; returns the hash.
  static func append(
    seq: UInt64, id: String, event: NewEvent, recordedAt: Timestamp, prev: ChainHash,
    to out: inout [UInt8]
  ) -> ChainHash {
    let start = out.count
    body(seq: seq, id: id, event: event, recordedAt: recordedAt, into: &out)
    let hash = ChainHash.link(prev: prev, body: out[start...])
    out.removeLast()  // the body's closing brace
    out.append(contentsOf: Array(",\"prev\":\"".utf8))
    out.append(contentsOf: prev.text)
    out.append(contentsOf: Array("\",\"hash\":\"".utf8))
    out.append(contentsOf: hash.text)
    out.append(contentsOf: Array("\"}\n".utf8))
    return hash
  }

  /// Recomputes a stored line's hash from its bytes alone (without the newline).
  /// Returns (prev, stored hash, recomputed hash), or nil if the line has no valid tail.
  static func check(_ line: ArraySlice<UInt8>) -> (prev: ChainHash, stored: ChainHash, computed: ChainHash)? {
    guard line.count > suffixLength + 2 else { return nil }
    let tail = line.index(line.endIndex, offsetBy: -suffixLength)
    let prevStart = tail + 9
    let hashStart = prevStart + ChainHash.textLength + 10
    guard
      let prev = ChainHash(String(decoding: line[prevStart..<(prevStart + ChainHash.textLength)], as: UTF8.self)),
      let stored = ChainHash(String(decoding: line[hashStart..<(hashStart + ChainHash.textLength)], as: UTF8.self)),
      line[tail..<prevStart].elementsEqual(",\"prev\":\"".utf8)
    else { return nil }
    var body = Array(line[line.startIndex..<tail])
    body.append(UInt8(ascii: "}"))
    return (prev, stored, ChainHash.link(prev: prev, body: body))
  }
}
