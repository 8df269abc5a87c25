/// The lean decoder of the read path: parses the envelope of one canonical
/// line by position, without building a JSON tree (Foundation's JSONDecoder
/// is an order of magnitude slower). Any deviation from the canonical layout
/// is an error: only the journal writes these lines.
enum RecordDecoder {
  struct Failure: Error { let what: String }

  static func decode(_ bytes: [UInt8]) throws(JournalError) -> Record {
    do {
      return try decodeOrFail(bytes)
    } catch {
      throw JournalError(.damaged, "An event line is not in the journal's canonical form (\(error.what)).")
    }
  }

  private static func decodeOrFail(_ b: [UInt8]) throws(Failure) -> Record {
    var i = 0
    let n = b.count
    func expect(_ literal: StaticString) throws(Failure) {
      let count = literal.utf8CodeUnitCount
      guard i + count <= n else { throw Failure(what: "truncated") }
      let p = literal.utf8Start
      for k in 0..<count where b[i + k] != p[k] {
        throw Failure(what: "expected \(literal) at byte \(i)")
      }
      i += count
    }
    func integer() throws(Failure) -> UInt64 {
      var v: UInt64 = 0
      let start = i
      while i < n, b[i] >= 48, b[i] <= 57 {
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(UInt64(b[i] - 48))
        guard !o1, !o2 else { throw Failure(what: "number too large at byte \(start)") }
        v = a
        i += 1
      }
      guard i > start else { throw Failure(what: "expected a number at byte \(start)") }
      return v
    }
    func string() throws(Failure) -> Range<Int> {
      let start = i
      guard i < n, b[i] == 34 else { throw Failure(what: "expected a string at byte \(i)") }
      i += 1
      while i < n {
        let c = b[i]
        if c == 34 {
          i += 1
          return start..<i
        }
        i += c == 92 ? 2 : 1
      }
      throw Failure(what: "unterminated string at byte \(start)")
    }
    func peekKey(_ literal: StaticString) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard i + count <= n else { return false }
      let p = literal.utf8Start
      for k in 0..<count where b[i + k] != p[k] { return false }
      return true
    }

    try expect("{\"seq\":")
    let seq = try integer()
    try expect(",\"id\":")
    let id = try string()
    try expect(",\"type\":")
    let type = try string()
    try expect(",\"version\":")
    let version = try integer()
    try expect(",\"occurredOn\":")
    let occurred = try string()
    try expect(",\"recordedAt\":")
    let recorded = try string()
    guard recorded.count == 26,
      let at = Timestamp.parseStrict(b[(recorded.lowerBound + 1)..<(recorded.upperBound - 1)])
    else { throw Failure(what: "bad recordedAt") }
    try expect(",\"author\":")
    let author = try string()
    var source: Range<Int>? = nil
    var reason: Range<Int>? = nil
    if peekKey(",\"source\":") {
      try expect(",\"source\":")
      source = try string()
    }
    if peekKey(",\"reason\":") {
      try expect(",\"reason\":")
      reason = try string()
    }
    try expect(",\"data\":{")
    let dataStart = i - 1
    let tail = n - EventLine.suffixLength
    guard tail > dataStart, b[tail - 1] == 125 else { throw Failure(what: "bad data or tail") }
    i = tail
    try expect(",\"prev\":\"sha256:")
    i += 64
    try expect("\",\"hash\":\"sha256:")
    i += 64
    try expect("\"}")
    guard seq >= 1, version >= 1, version <= 1000 else { throw Failure(what: "bad seq or version") }
    return Record(
      seq: seq, version: Int(version), recordedAt: at, lineBytes: b, idRange: id, typeRange: type,
      occurredOnRange: occurred, authorRange: author, sourceRange: source, reasonRange: reason,
      dataRange: dataStart..<tail)
  }
}
