/// A committed event as read back from the journal: its canonical line plus
/// the envelope fields, decoded lazily from that line.
///
/// ```swift
/// for try record in reader.records(from: 1) {
///   print(record.seq, record.type, record.recordedAt)
/// }
/// ```
public struct Record: Sendable, Equatable, CustomStringConvertible {
  public let seq: UInt64
  public let version: Int
  public let recordedAt: Timestamp
  /// The event's type name.
  public let type: String
  /// The canonical JSON line, without its newline: a slice of the frame it
  /// was read from (no copy per event); ``detached()`` to keep it long.
  public let bytes: ArraySlice<UInt8>
  // Ranges (indices of `bytes`) of string fields *including* their quotes, and of `data`.
  let idRange: Range<Int>
  let occurredOnRange: Range<Int>
  let authorRange: Range<Int>
  let sourceRange: Range<Int>?
  let reasonRange: Range<Int>?
  let dataRange: Range<Int>

  public static func == (a: Record, b: Record) -> Bool { a.bytes.elementsEqual(b.bytes) }

  /// The canonical JSON line, without its newline, as an array of its own.
  public var lineBytes: [UInt8] { Array(bytes) }

  /// The same record holding only its own line's bytes, not the whole frame
  /// it was read from: for records kept beyond the read (caches, checkpoints).
  public func detached() -> Record {
    let own = Array(bytes)
    let shift = -bytes.startIndex
    func move(_ r: Range<Int>) -> Range<Int> { (r.lowerBound + shift)..<(r.upperBound + shift) }
    return Record(
      seq: seq, version: version, recordedAt: recordedAt, type: type, bytes: own[...], idRange: move(idRange),
      occurredOnRange: move(occurredOnRange), authorRange: move(authorRange), sourceRange: sourceRange.map(move),
      reasonRange: reasonRange.map(move), dataRange: move(dataRange))
  }

  public var id: String { string(idRange) }
  public var occurredOn: String { string(occurredOnRange) }
  /// `occurredOn` as it is written (the string's bytes without its quotes).
  public var occurredOnBytes: ArraySlice<UInt8> { bytes[(occurredOnRange.lowerBound + 1)..<(occurredOnRange.upperBound - 1)] }
  public var author: String { string(authorRange) }
  public var source: String? { sourceRange.map(string) }
  public var reason: String? { reasonRange.map(string) }

  /// The canonical JSON bytes of `data`.
  public var dataBytes: ArraySlice<UInt8> { bytes[dataRange] }
  /// `data`, parsed.
  public func data() throws(JournalError) -> JSONValue { try JSONParser.parse(dataBytes) }

  public var prev: ChainHash { hashField(at: bytes.endIndex - EventLine.suffixLength + 9) }
  public var hash: ChainHash {
    hashField(at: bytes.endIndex - EventLine.suffixLength + 9 + ChainHash.textLength + 10)
  }

  /// The canonical line as text (what `ess export` writes).
  public var line: String { String(decoding: bytes, as: UTF8.self) }
  public var description: String { line }

  /// Whether `event` has the same content as this record (EVENTS.md §1:
  /// type, occurredOn, author, source, reason and data, numbers by value).
  public func hasSameContent(as event: NewEvent) -> Bool {
    guard type == event.type, occurredOn == event.occurredOn, author == event.author,
      source == event.source, reason == event.reason
    else { return false }
    return dataBytes.elementsEqual(event.data.canonicalBytes())
  }

  func string(_ r: Range<Int>) -> String {
    let inner = bytes[(r.lowerBound + 1)..<(r.upperBound - 1)]
    if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
    if case .string(let s)? = try? JSONParser.parse(bytes[r]) { return s }
    return String(decoding: inner, as: UTF8.self)
  }

  func hashField(at offset: Int) -> ChainHash {
    ChainHash(String(decoding: bytes[offset..<(offset + ChainHash.textLength)], as: UTF8.self)) ?? .zero
  }
}

extension Record {
  /// A record from its canonical line (without the newline), e.g. one kept in
  /// a projection checkpoint. Throws `.damaged` if the line is not canonical.
  public init(canonicalLine: [UInt8]) throws(JournalError) {
    var context = RecordDecoder.Context()
    self = try RecordDecoder.decode(canonicalLine[...], context: &context)
  }
}
