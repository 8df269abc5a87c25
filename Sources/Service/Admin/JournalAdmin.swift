import Journal
import Projections

/// The journal itself, for its admins: create one, check it whole, count
/// what it holds, compact its last segment.
///
/// ```swift
/// try JournalAdmin.create(at: "/srv/ess/journal")
/// let report = try JournalAdmin.verify(journal: "/srv/ess/journal")
/// print(report.isIntact)
/// ```
public enum JournalAdmin {
  /// Creates an empty journal in `path` (a new or empty folder).
  /// - Throws: ``ServiceError`` `.alreadyExists` for a folder that is not empty.
  public static func create(at path: String) throws(ServiceError) {
    do { try Writer.create(at: path) } catch { throw ServiceError(error) }
  }

  /// Checks every checksum and the whole hash chain.
  /// - Returns: what was checked, and the first damage if any.
  /// - Throws: ``ServiceError`` if there is no journal there.
  public static func verify(journal path: String) throws(ServiceError) -> VerificationReport {
    do { return try Verifier.verify(at: path) } catch { throw ServiceError(error) }
  }

  /// What `ess stats` shows: events by type and year, and the sizes on disk.
  public struct Stats: Sendable {
    public var summary: JournalSummary.State
    public var report: VerificationReport
  }

  /// Counts the journal's events and reads its sizes.
  /// - Throws: ``ServiceError`` if it cannot be read.
  public static func stats(journal path: String) throws(ServiceError) -> Stats {
    do {
      var state = JournalSummary.initial
      var it = try Reader(at: path).records(from: 1, readAhead: true)
      while let r = try it.next() { JournalSummary.apply(r, to: &state) }
      return Stats(summary: state, report: try Verifier.verify(at: path))
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// Compacts the last segment now (large LZ4 frames, same events and hashes).
  /// - Throws: ``ServiceError`` if the journal cannot be opened or written.
  public static func seal(journal path: String) throws(ServiceError) {
    do { try Writer(at: path).seal() } catch { throw ServiceError(error) }
  }
}
