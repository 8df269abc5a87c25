import Domain
import Journal

/// Imports of sources that are not JSON Lines (DECP, CSV, spreadsheets, SCDL):
/// their reader turns each record or row into an event, and the events take
/// the same all-or-nothing path as a JSON Lines import, under every rule.
extension Importer {
  /// Events converted from another format, each with where it came from.
  public struct Converted: Sendable {
    /// The events, in the source's order.
    public var events: [NewEvent] = []
    /// For each event: its row or record number (for ordering) and how it is named ("Row 12").
    public var origins: [(number: Int, place: String)] = []
    /// What the reader refused (every one, for a dry run; the import is refused when there is any).
    public var problems: [ServiceError] = []
    /// How many rows or records were read.
    public var count = 0
    /// Whether an event whose id is already in the journal with the same type,
    /// valid time and data is already there, whoever imported it and from
    /// whichever file (a published table imported again by another admin).
    public var sameFactAnyAuthor = false

    public init() {}

    /// Adds an event read at `number`, named `place`.
    public mutating func append(_ event: NewEvent, number: Int, place: String) {
      events.append(event)
      origins.append((number, place))
    }
  }

  /// Checks and imports converted events as one commit; with `dryRun`, lists
  /// every problem (the reader's and the journal's) without writing.
  ///
  /// - Returns: what was imported or would be; `problems` holds every problem of a dry run.
  /// - Throws: ``ServiceError``: for a real import, the first problem (nothing written).
  public static func run(_ converted: Converted, into ledger: Ledger, dryRun: Bool) throws(ServiceError) -> Report {
    var report = Report()
    report.lines = converted.count
    report.problems = converted.problems
    if !dryRun, let first = byLine(converted.problems).first { throw first }
    var events: [NewEvent] = []
    var origins: [(number: Int, place: String)] = []
    events.reserveCapacity(converted.events.count)
    for (event, origin) in zip(converted.events, converted.origins) {
      do throws(DomainError) {
        events.append(try Ledger.normalize(event))
        origins.append(origin)
      } catch {
        let problem = ServiceError(error, at: .init(line: origin.number, place: origin.place))
        if !dryRun { throw problem }
        report.problems.append(problem)
      }
    }
    if converted.sameFactAnyAuthor {
      (events, origins) = try dropKnownFacts(events, origins, ledger: ledger, report: &report)
    }
    guard !events.isEmpty else {
      report.problems = byLine(report.problems)
      return report
    }
    var batch = Batch(lines: origins.map(\.number), count: events.count)
    batch.places = origins.map(\.place)
    if dryRun {
      report.problems = byLine(report.problems + (try ledger.dryRun(events, batch: batch)))
      return report
    }
    report.record(try ledger.append(normalized: events, batch: batch))
    return report
  }

  /// The events whose id the journal holds with the same type, valid time and data, counted and left out
  /// (looked up by id only when the journal's own check finds a taken id).
  static func dropKnownFacts(
    _ events: [NewEvent], _ origins: [(number: Int, place: String)], ledger: Ledger, report: inout Report
  ) throws(ServiceError) -> ([NewEvent], [(number: Int, place: String)]) {
    // Some id is taken with other content: look at each.
    guard try anyIdTaken(events, ledger: ledger) else { return (events, origins) }
    let existing = try existingRecords(events, ledger: ledger)
    var kept: [NewEvent] = []
    var keptOrigins: [(number: Int, place: String)] = []
    for (i, (event, origin)) in zip(events, origins).enumerated() {
      if let r = existing[i], r.type == event.type, r.occurredOn == event.occurredOn, r.dataBytes.elementsEqual(event.canonicalData) {
        report.alreadyPresent += 1
      } else {
        kept.append(event)
        keptOrigins.append(origin)
      }
    }
    return (kept, keptOrigins)
  }

  /// Whether the journal holds an id of `events` with other content (a cheap check under the writer's
  /// lock: the journal's own id lookup; no event is encoded or written).
  static func anyIdTaken(_ events: [NewEvent], ledger: Ledger) throws(ServiceError) -> Bool {
    do {
      try ledger.writer.preview(events) { _ in }
      return false
    } catch let error as JournalError where error.code == .conflictingID {
      return true
    } catch {
      // Other refusals are the import's to report, with their place.
      return false
    }
  }

  /// The events the journal holds with the ids of `events`, by index (each looked up by id).
  static func existingRecords(_ events: [NewEvent], ledger: Ledger) throws(ServiceError) -> [Int: Record] {
    var existing: [Int: Record] = [:]
    let reader = ledger.store.reader
    for (i, e) in events.enumerated() {
      guard let id = e.id else { continue }
      do {
        if let r = try reader.record(id: id) { existing[i] = r.detached() }
      } catch {
        throw ServiceError(error)
      }
    }
    return existing
  }
}
