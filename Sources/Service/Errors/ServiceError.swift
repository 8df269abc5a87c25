import Domain
import Journal
import Projections

/// The one error type of the `Service` module: why an admin's command was
/// refused or failed, in one sentence, and where — the line of the file
/// being imported, the field, the seq, the file on disk.
///
/// Lower layers' errors are kept whole as ``cause`` and their sentences are
/// never rewritten: a service error only places them (``description`` puts
/// `Line 7: ` first) or adds its own sentence after them.
///
/// ```swift
/// do { try ledger.append(events) } catch {
///   print(error)          // "Line 2: Field 'books' must be a whole number greater than 0; got 0."
///   error.code            // .badInput
/// }
/// ```
public struct ServiceError: Error, Sendable, CustomStringConvertible {
  /// A stable classification, which the CLI turns into its exit code.
  public enum Code: String, Sendable, Equatable {
    /// The input breaks a rule of the catalog or of the envelope (exit 2).
    case badInput
    /// The input would break an integrity rule of the whole history (exit 2).
    case ruleBroken
    /// An id already in the journal was given with other content (exit 2).
    case conflictingID
    /// No journal at the path given (exit 2).
    case notAJournal
    /// `init` was asked for a folder that is not empty (exit 2).
    case alreadyExists
    /// A seq, an id or a file that does not exist (exit 2).
    case notFound
    /// Another writer holds the journal past the timeout (exit 3).
    case locked
    /// Committed data failed a check (exit 1).
    case damaged
    /// A signature, a proof, a root, a receipt or a consistency check failed,
    /// or signing was refused because the journal is not the one signed (exit 1).
    case checkFailed
    /// A segment of a newer format (exit 1).
    case unsupportedFormat
    /// The disk is full; nothing was committed (exit 1).
    case diskFull
    /// Another input/output failure (exit 1).
    case ioFailure
    /// A commit whose flush failed: it may or may not be durable (exit 1);
    /// ``unknownOutcome`` says how to retry safely.
    case outcomeUnknown
  }

  /// Where the problem is.
  public struct Location: Sendable, Equatable {
    /// The line of the input file (imports).
    public var line: Int?
    /// The event's place in a batch given without lines.
    public var event: Int?
    public var field: String?
    public var seq: UInt64?
    public var file: String?
    /// Where, in a source that is not JSON Lines, in words that come first in
    /// the description: "Row 12, column 'heures'", "Record 3 (uid 21670482500019-2024-17)".
    /// ``line`` then holds the row or record number, for ordering.
    public var place: String?

    public init(
      line: Int? = nil, event: Int? = nil, field: String? = nil, seq: UInt64? = nil, file: String? = nil, place: String? = nil
    ) {
      self.line = line
      self.event = event
      self.field = field
      self.seq = seq
      self.file = file
      self.place = place
    }
  }

  public var code: Code
  /// One sentence: what, and what to do.
  public var message: String
  public var location: Location
  /// The lower layer's error this one reports (a ``Journal/JournalError``, a ``Domain/DomainError``,
  /// a ``Projections/IntegrityViolation``), if any.
  public var cause: (any Error & Sendable)?

  public init(_ code: Code, _ message: String, at location: Location = Location(), cause: (any Error & Sendable)? = nil) {
    self.code = code
    self.message = message
    self.location = location
    self.cause = cause
  }

  /// For a commit whose outcome is unknown: the ids of its events and the file
  /// that holds them, to be imported again (each event is then appended at most once).
  public var unknownOutcome: (ids: [String], retryFile: String?)? {
    guard let outcome = (cause as? JournalError)?.cause as? UnknownOutcome else { return nil }
    return (outcome.ids, outcome.retryFile)
  }

  /// The message, after the input line (or the event's place in the batch) when there is one.
  public var description: String {
    if let place = location.place { return "\(place): \(message)" }
    if let line = location.line { return "Line \(line): \(message)" }
    if let event = location.event { return "Event \(event) of the batch: \(message)" }
    return message
  }
}
