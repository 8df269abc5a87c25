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
  /// Where the fields are in `bytes`, as offsets from its start: string
  /// fields *including* their quotes, and `data`. Kept small (records are
  /// handed along by value, a million times in a fold).
  let fields: FieldOffsets

  struct FieldOffsets: Sendable {
    // start, end of: id, occurredOn, author, source, reason, data (source and reason 0, 0 when absent).
    var offsets: SIMD16<UInt32>

    init(id: Range<Int>, occurredOn: Range<Int>, author: Range<Int>, source: Range<Int>?, reason: Range<Int>?, data: Range<Int>) {
      let source = source ?? 0..<0
      let reason = reason ?? 0..<0
      offsets = SIMD16(
        UInt32(id.lowerBound), UInt32(id.upperBound), UInt32(occurredOn.lowerBound), UInt32(occurredOn.upperBound),
        UInt32(author.lowerBound), UInt32(author.upperBound), UInt32(source.lowerBound), UInt32(source.upperBound),
        UInt32(reason.lowerBound), UInt32(reason.upperBound), UInt32(data.lowerBound), UInt32(data.upperBound), 0, 0, 0, 0)
    }

    func range(_ k: Int, from base: Int) -> Range<Int> { (base + Int(offsets[2 * k]))..<(base + Int(offsets[2 * k + 1])) }
  }

  init(seq: UInt64, version: Int, recordedAt: Timestamp, type: String, bytes: ArraySlice<UInt8>, fields: FieldOffsets) {
    self.seq = seq
    self.version = version
    self.recordedAt = recordedAt
    self.type = type
    self.bytes = bytes
    self.fields = fields
  }

  var idRange: Range<Int> { fields.range(0, from: bytes.startIndex) }
  var occurredOnRange: Range<Int> { fields.range(1, from: bytes.startIndex) }
  var authorRange: Range<Int> { fields.range(2, from: bytes.startIndex) }
  var sourceRange: Range<Int>? { fields.offsets[7] == 0 ? nil : fields.range(3, from: bytes.startIndex) }
  var reasonRange: Range<Int>? { fields.offsets[9] == 0 ? nil : fields.range(4, from: bytes.startIndex) }
  var dataRange: Range<Int> { fields.range(5, from: bytes.startIndex) }

  public static func == (a: Record, b: Record) -> Bool { a.bytes.elementsEqual(b.bytes) }

  /// The canonical JSON line, without its newline, as an array of its own.
  public var lineBytes: [UInt8] { Array(bytes) }

  /// The same record holding only its own line's bytes, not the whole frame
  /// it was read from: for records kept beyond the read (caches, checkpoints).
  public func detached() -> Record {
    Record(seq: seq, version: version, recordedAt: recordedAt, type: type, bytes: Array(bytes)[...], fields: fields)
  }

  public var id: String { string(idRange) }
  public var occurredOn: String { string(occurredOnRange) }
  /// `id` as it is written (the string's bytes without its quotes).
  var idBytes: ArraySlice<UInt8> { bytes[(idRange.lowerBound + 1)..<(idRange.upperBound - 1)] }
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

  /// The canonical line as text.
  public var line: String { String(decoding: bytes, as: UTF8.self) }
  public var description: String { line }

  /// Whether `event` has the same content as this record (EVENTS.md §1:
  /// type, occurredOn, author, source, reason and data, numbers by value).
  public func hasSameContent(as event: NewEvent) -> Bool {
    guard type == event.type, occurredOn == event.occurredOn, author == event.author,
      source == event.source, reason == event.reason
    else { return false }
    return dataBytes.elementsEqual(event.canonicalData)
  }

  func string(_ r: Range<Int>) -> String {
    JSONParser.string(quoted: bytes[r]) ?? String(decoding: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)], as: UTF8.self)
  }

  func hashField(at offset: Int) -> ChainHash {
    bytes[offset..<(offset + ChainHash.textLength)].withUnsafeBufferPointer { ChainHash.parse($0) } ?? .zero
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
