/// The one error type of the `Journal` module.
///
/// Every failure says *what* happened, *where* (segment file, byte offset,
/// `seq`, input line, field) and, when the user can act, *what to do*, in one
/// sentence, in ``message``. ``code`` is stable and meant for programs.
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
    /// A segment written by a newer, unknown format version.
    case unsupportedFormat
    /// A requested `seq` or `id` is not in the journal.
    case notFound
  }

  /// Where the problem is. Every field is optional; set what is known.
  public struct Location: Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var offset: Int64?
    public var seq: UInt64?
    public var line: Int?
    public var field: String?

    public init(
      file: String? = nil, offset: Int64? = nil, seq: UInt64? = nil, line: Int? = nil,
      field: String? = nil
    ) {
      self.file = file
      self.offset = offset
      self.seq = seq
      self.line = line
      self.field = field
    }

    public var description: String {
      var parts: [String] = []
      if let line { parts.append("line \(line)") }
      if let field { parts.append("field '\(field)'") }
      if let file { parts.append("file \(file)") }
      if let offset { parts.append("byte offset \(offset)") }
      if let seq { parts.append("seq \(seq)") }
      return parts.joined(separator: ", ")
    }
  }

  public var code: Code
  /// One sentence for a person: what, where, and what to do.
  public var message: String
  public var location: Location?

  public init(_ code: Code, _ message: String, at location: Location? = nil) {
    self.code = code
    self.message = message
    self.location = location
  }

  public var description: String { message }
}
