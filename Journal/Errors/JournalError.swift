/// The one error type of the `Journal` module.
///
/// Every failure says *what* happened and, when the user can act, *what to
/// do*, in one sentence, in ``message``; *where* (segment file, byte offset,
/// `seq`, the event's place in a batch, field) is in ``location``, for callers
/// to tell in their own terms (a batch's events are lines of a file to an
/// importer). ``code`` is stable and meant for programs; ``cause`` holds the
/// structured detail some failures have (``JSONSyntaxError``).
///
/// ```swift
/// do { try writer.append(events) }
/// catch let error as JournalError where error.code == .locked { … }
/// ```
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A stable classification of the failure.
  public enum Code: String, Sendable, Equatable {
    /// The caller gave something the journal cannot accept (an envelope field).
    case invalidInput
    /// Bytes that should be JSON are not valid JSON (or not valid UTF-8).
    case malformedJSON
    /// The folder is not a journal (no marker file).
    case notAJournal
    /// `create` was asked for a folder that is not empty.
    case alreadyExists
    /// Another process holds the writer lock past the timeout.
    case locked
    /// Committed data failed a checksum or the hash chain: the journal is damaged.
    case damaged
    /// An event `id` already in the journal was given with different content.
    case conflictingID
    /// The disk is full or a file-size limit was hit; nothing was committed.
    case diskFull
    /// Another input/output failure; nothing was committed.
    case ioFailure
    /// A commit was written but its flush to disk failed: it may or may not be
    /// durable (see ``UnknownOutcome``, the error's cause).
    case outcomeUnknown
    /// A segment written by a newer, unknown format version.
    case unsupportedFormat
    /// A requested `seq` or `id` is not in the journal.
    case notFound
    /// A signature, a proof, a root or a consistency check failed: what was
    /// shown is not what was signed (or the history was rewritten).
    case verificationFailed
  }

  /// Where the problem is. Every field is optional; set what is known.
  public struct Location: Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var offset: Int64?
    public var seq: UInt64?
    /// The event's 1-based place in the batch given to the writer.
    public var line: Int?
    /// Another event of the batch the failure involves (its 1-based place).
    public var otherLine: Int?
    public var field: String?

    public init(
      file: String? = nil, offset: Int64? = nil, seq: UInt64? = nil, line: Int? = nil, otherLine: Int? = nil,
      field: String? = nil
    ) {
      self.file = file
      self.offset = offset
      self.seq = seq
      self.line = line
      self.otherLine = otherLine
      self.field = field
    }

    public var description: String {
      var parts: [String] = []
      if let line { parts.append("event \(line) of the batch") }
      if let field { parts.append("field '\(field)'") }
      if let file { parts.append("file \(file)") }
      if let offset { parts.append("byte offset \(offset)") }
      if let seq { parts.append("seq \(seq)") }
      return parts.joined(separator: ", ")
    }
  }

  public var code: Code
  /// One sentence for a person: what, and what to do.
  public var message: String
  public var location: Location?
  /// Structured detail, for callers that tell it their own way.
  public var cause: (any Error & Sendable)?

  public init(_ code: Code, _ message: String, at location: Location? = nil, cause: (any Error & Sendable)? = nil) {
    self.code = code
    self.message = message
    self.location = location
    self.cause = cause
  }

  /// The message, after the event's place in the batch when there is one.
  public var description: String {
    guard let line = location?.line else { return message }
    return "Event \(line) of the batch: \(message)"
  }

  /// Same code, message and location (causes compared by their text).
  public static func == (a: JournalError, b: JournalError) -> Bool {
    a.code == b.code && a.message == b.message && a.location == b.location && a.cause.map { "\($0)" } == b.cause.map { "\($0)" }
  }
}
