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
  /// The canonical JSON line, without its newline.
  public let lineBytes: [UInt8]
  // Ranges of string fields *including* their quotes, and of `data`.
  let idRange: Range<Int>
  let typeRange: Range<Int>
  let occurredOnRange: Range<Int>
  let authorRange: Range<Int>
  let sourceRange: Range<Int>?
  let reasonRange: Range<Int>?
  let dataRange: Range<Int>

  public static func == (a: Record, b: Record) -> Bool { a.lineBytes == b.lineBytes }

  public var id: String { string(idRange) }
  public var type: String { string(typeRange) }
  public var occurredOn: String { string(occurredOnRange) }
  public var author: String { string(authorRange) }
  public var source: String? { sourceRange.map(string) }
  public var reason: String? { reasonRange.map(string) }

  /// The canonical JSON bytes of `data`.
  public var dataBytes: ArraySlice<UInt8> { lineBytes[dataRange] }
  /// `data`, parsed.
  public func data() throws(JournalError) -> JSONValue { try JSONParser.parse(dataBytes) }

  public var prev: ChainHash { hashField(at: lineBytes.count - EventLine.suffixLength + 9) }
  public var hash: ChainHash {
    hashField(at: lineBytes.count - EventLine.suffixLength + 9 + ChainHash.textLength + 10)
  }

  /// The canonical line as text (what `ess export` writes).
  public var line: String { String(decoding: lineBytes, as: UTF8.self) }
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
    let inner = lineBytes[(r.lowerBound + 1)..<(r.upperBound - 1)]
    if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
    if case .string(let s)? = try? JSONParser.parse(lineBytes[r]) { return s }
    return String(decoding: inner, as: UTF8.self)
  }

  func hashField(at offset: Int) -> ChainHash {
    ChainHash(String(decoding: lineBytes[offset..<(offset + ChainHash.textLength)], as: UTF8.self)) ?? .zero
  }
}

extension Record {
  /// A record from its canonical line (without the newline), e.g. one kept in
  /// a projection checkpoint. Throws `.damaged` if the line is not canonical.
  public init(canonicalLine: [UInt8]) throws(JournalError) {
    self = try RecordDecoder.decode(canonicalLine)
  }
}
