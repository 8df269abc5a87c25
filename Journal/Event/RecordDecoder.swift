import Glibc

/// The lean decoder of the read path: parses the envelope of one canonical
/// line by position, without building a JSON tree (Foundation's JSONDecoder
/// is an order of magnitude slower) and without copying the line. Any
/// deviation from the canonical layout is an error: only the journal writes
/// these lines.
enum RecordDecoder {
  struct Failure: Error { let what: String }

  /// What consecutive lines share, kept by one reader: the type names met so
  /// far (a journal has a few dozen, so each record's `type` is a shared
  /// string, not a new one) and the last `recordedAt` parsed (a commit's
  /// events usually share it).
  struct Context {
    var types = TypeNames()
    var lastStampText = [UInt8](repeating: 0, count: 24)
    var lastStamp: Timestamp? = nil
  }

  static func decode(_ line: ArraySlice<UInt8>, context: inout Context) throws(JournalError) -> Record {
    do {
      return try line.withUnsafeBufferPointer { (b) throws(Failure) -> Record in
        try decodeOrFail(b, line: line, context: &context)
      }
    } catch {
      throw JournalError(.damaged, "An event line is not in the journal's canonical form (\(error.what)).")
    }
  }

  private static func decodeOrFail(
    _ b: UnsafeBufferPointer<UInt8>, line: ArraySlice<UInt8>, context: inout Context
  ) throws(Failure) -> Record {
    var cursor = LineCursor(b)
    try cursor.expect("{\"seq\":")
    let seq = try cursor.integer()
    try cursor.expect(",\"id\":")
    let id = try cursor.string()
    try cursor.expect(",\"type\":")
    let type = try cursor.string()
    try cursor.expect(",\"version\":")
    let version = try cursor.integer()
    try cursor.expect(",\"occurredOn\":")
    let occurred = try cursor.string()
    try cursor.expect(",\"recordedAt\":")
    let recorded = try cursor.string()
    guard recorded.count == 26, let at = stamp(b, recorded.lowerBound + 1, &context) else {
      throw Failure(what: "bad recordedAt")
    }
    try cursor.expect(",\"author\":")
    let author = try cursor.string()
    var source: Range<Int>? = nil
    var reason: Range<Int>? = nil
    if cursor.peek(",\"source\":") {
      try cursor.expect(",\"source\":")
      source = try cursor.string()
    }
    if cursor.peek(",\"reason\":") {
      try cursor.expect(",\"reason\":")
      reason = try cursor.string()
    }
    try cursor.expect(",\"data\":{")
    let dataStart = cursor.i - 1
    let n = b.count
    let tail = n - EventLine.suffixLength
    guard tail > dataStart, b[tail - 1] == 125 else { throw Failure(what: "bad data or tail") }
    cursor.i = tail
    try cursor.expect(",\"prev\":\"sha256:")
    cursor.i += 64
    try cursor.expect("\",\"hash\":\"sha256:")
    cursor.i += 64
    try cursor.expect("\"}")
    guard cursor.i == n else { throw Failure(what: "bytes after the end") }
    guard seq >= 1, version >= 1, version <= 1000 else { throw Failure(what: "bad seq or version") }
    let typeName = context.types.name(quoted: UnsafeBufferPointer(rebasing: b[type]))
    return Record(
      seq: seq, version: Int(version), recordedAt: at, type: typeName, bytes: line,
      fields: .init(id: id, occurredOn: occurred, author: author, source: source, reason: reason, data: dataStart..<tail))
  }

  /// The `recordedAt` whose 24 characters start at `at`, reusing the last one parsed when equal.
  private static func stamp(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ context: inout Context) -> Timestamp? {
    let text = b.baseAddress! + at
    let same = context.lastStampText.withUnsafeBufferPointer { memcmp($0.baseAddress!, text, 24) == 0 }
    if same, let last = context.lastStamp { return last }
    guard let value = Timestamp.parseStrict(UnsafeBufferPointer(start: text, count: 24)) else { return nil }
    context.lastStampText.withUnsafeMutableBufferPointer { _ = memcpy($0.baseAddress!, text, 24) }
    context.lastStamp = value
    return value
  }
}

/// A position in one line, for ``RecordDecoder``.
private struct LineCursor {
  let b: UnsafeBufferPointer<UInt8>
  var i = 0

  init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

  func peek(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    return i + count <= b.count && memcmp(b.baseAddress! + i, literal.utf8Start, count) == 0
  }

  mutating func expect(_ literal: StaticString) throws(RecordDecoder.Failure) {
    guard peek(literal) else { throw .init(what: "expected \(literal) at byte \(i)") }
    i += literal.utf8CodeUnitCount
  }

  mutating func integer() throws(RecordDecoder.Failure) -> UInt64 {
    var v: UInt64 = 0
    let start = i
    while i < b.count, b[i] >= 48, b[i] <= 57 {
      let (m, o1) = v.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(UInt64(b[i] - 48))
      guard !o1, !o2 else { throw .init(what: "number too large at byte \(start)") }
      v = a
      i += 1
    }
    guard i > start else { throw .init(what: "expected a number at byte \(start)") }
    return v
  }

  mutating func string() throws(RecordDecoder.Failure) -> Range<Int> {
    let start = i
    guard i < b.count, b[i] == 34 else { throw .init(what: "expected a string at byte \(i)") }
    i += 1
    let base = b.baseAddress!
    while i < b.count, let q = memchr(base + i, 34, b.count - i) {
      let quote = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
      // The quote ends the string unless an odd number of backslashes escape it.
      var slashes = 0
      while quote - slashes - 1 >= i, b[quote - slashes - 1] == 92 { slashes += 1 }
      i = quote + 1
      if slashes % 2 == 0 { return start..<i }
    }
    throw .init(what: "unterminated string at byte \(start)")
  }
}
