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

  /// The body of the event at `seq`, with `recordedAt` already written as its 24 characters (a batch formats each stamp once).
  static func body(
    seq: UInt64, id: String, event: NewEvent, recordedAtText: [UInt8], into out: inout [UInt8]
  ) {
    func key(_ k: StaticString) { appendLiteral(k, to: &out) }
    key("{\"seq\":")
    appendDecimal(seq, to: &out)
    key(",\"id\":")
    JSONValue.appendCanonicalString(id, to: &out)
    key(",\"type\":")
    JSONValue.appendCanonicalString(event.type, to: &out)
    key(",\"version\":")
    appendDecimal(UInt64(event.version), to: &out)
    key(",\"occurredOn\":")
    JSONValue.appendCanonicalString(event.occurredOn, to: &out)
    key(",\"recordedAt\":\"")
    out.append(contentsOf: recordedAtText)
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
    event.appendCanonicalData(to: &out)
    out.append(UInt8(ascii: "}"))
  }

  static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
    if value < 10 {
      out.append(UInt8(48 + value))
      return
    }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 {
        d[n] = UInt8(48 + v % 10)
        v /= 10
        n += 1
      }
      for i in stride(from: n - 1, through: 0, by: -1) { out.append(d[i]) }
    }
  }

  /// Appends the full line (with `prev`, `hash` and a final newline) to `out` and returns the hash;
  /// the previous hash's text is given, and replaced by this event's hash text on return (so a batch
  /// formats each hash once).
  static func append(
    seq: UInt64, id: String, event: NewEvent, recordedAtText: [UInt8], prevText: inout [UInt8],
    to out: inout [UInt8]
  ) -> ChainHash {
    let start = out.count
    body(seq: seq, id: id, event: event, recordedAtText: recordedAtText, into: &out)
    let hash = ChainHash.link(prevText: prevText, body: out[start...])
    out.removeLast()  // the body's closing brace
    appendSuffix(hash, prevText: &prevText, to: &out)
    return hash
  }

  /// The full line of a body made earlier by ``body(seq:id:event:recordedAtText:into:)``
  /// (a batch chained after it was encoded): the same bytes and hash as ``append(seq:id:event:recordedAtText:prevText:to:)``.
  static func append(body: ArraySlice<UInt8>, prevText: inout [UInt8], to out: inout [UInt8]) -> ChainHash {
    let hash = ChainHash.link(prevText: prevText, body: body)
    out.append(contentsOf: body.dropLast())  // without the body's closing brace
    appendSuffix(hash, prevText: &prevText, to: &out)
    return hash
  }

  /// `,"prev":"…","hash":"…"}` and the newline; `prevText` becomes the hash's text.
  static func appendSuffix(_ hash: ChainHash, prevText: inout [UInt8], to out: inout [UInt8]) {
    appendLiteral(",\"prev\":\"", to: &out)
    out.append(contentsOf: prevText)
    appendLiteral("\",\"hash\":\"", to: &out)
    prevText.removeAll(keepingCapacity: true)
    hash.appendText(to: &prevText)
    out.append(contentsOf: prevText)
    appendLiteral("\"}\n", to: &out)
  }

  /// Appends a static string's bytes (a global array would be retained at each use).
  @inline(__always)
  static func appendLiteral(_ k: StaticString, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
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
