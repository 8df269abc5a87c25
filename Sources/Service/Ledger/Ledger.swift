import Domain
import Journal
import Projections

/// The admins' door to a journal: every event is checked against the catalog
/// (types, fields, rules) and against the whole effective history (the
/// integrity rules of EVENTS.md, by valid time, corrections included) before
/// it is committed. Nothing is written unless everything passes.
///
/// ```swift
/// let ledger = try Ledger(journal: "journal")
/// let done = try ledger.append([
///   NewEvent(type: "pole.member-joined", occurredOn: "2021-11-09", author: "c.muller",
///            data: ["memberId": "emmaus-mundo", "name": "Emmaüs Mundo", "legalForm": "association"])
/// ])
/// ```
public final class Ledger {
  public let path: String
  let writer: Writer
  let store: IntegrityStore

  /// Opens the journal at `path` for appending (recovering from a crash if one interrupted a commit).
  /// - Throws: ``ServiceError`` if there is no journal there, or it is damaged.
  public init(journal path: String, options: WriterOptions = WriterOptions()) throws(ServiceError) {
    self.path = path
    do {
      self.writer = try Writer(at: path, options: options)
      self.store = try IntegrityStore(journal: path, io: options.io)
    } catch {
      throw ServiceError(error)
    }
  }

  /// The writer's recovery notes (torn tails set aside when the journal was opened).
  public var recoveryNotes: [RecoveryNote] { writer.recoveryNotes }

  /// Validates `events` (catalog and integrity) and appends them as one commit.
  ///
  /// - Parameter events: the events, in order; more than one make one all-or-nothing commit.
  /// - Returns: each event's seq, id and hash (`existed` when it was already in the journal).
  /// - Throws: ``ServiceError`` naming the event (its place in the batch) and the rule; nothing was written.
  @discardableResult
  public func append(_ events: [NewEvent]) throws(ServiceError) -> [Appended] {
    let batch = Batch(lines: nil, count: events.count)
    return try append(normalized: Ledger.normalize(events, batch: batch), batch: batch)
  }

  /// Appends events already normalised; `batch` says how to name them in errors.
  func append(normalized events: [NewEvent], batch: Batch) throws(ServiceError) -> [Appended] {
    var undo: IntegrityModel.Undo? = nil
    var checked = false
    var head: BatchPreview? = nil
    do {
      // `events` went through `normalize`, which checked every envelope.
      let done = try writer.append(
        events, envelopesChecked: true,
        check: { preview in
          head = preview
          undo = try self.checkIntegrity(events, preview, batch: batch)
          checked = undo != nil
        },
        committed: {
          // Under the writer's lock, in commit order: the integrity index follows the journal.
          guard let head, let last = head.results.filter({ !$0.existed }).max(by: { $0.seq < $1.seq }) else { return }
          if checked {
            self.store.didCommit(from: head.headSeq + 1)
          } else {
            self.store.didCommitUnchecked(from: head.headSeq + 1, to: KeyedCache.Stamp(seq: last.seq, hash: last.hash))
          }
        })
      return done
    } catch {
      if let undo, var model = store.model {
        store.model = nil
        model.rollback(undo)
        store.keep(model)
      }
      throw batch.place(error)
    }
  }

  /// Every integrity problem `events` would meet, without writing anything.
  /// Journal-level refusals (a reused id, a recordedAt going back) are thrown.
  func dryRun(_ events: [NewEvent], batch: Batch) throws(ServiceError) -> [ServiceError] {
    var problems: [ServiceError] = []
    do {
      try writer.preview(events, envelopesChecked: true) { preview in
        problems = try self.integrityProblems(events, preview, batch: batch)
      }
    } catch {
      throw batch.place(error)
    }
    return problems
  }

  /// The catalog's field rules, the version of each type, and the correction
  /// rules of the envelope; errors name the event as `batch` says.
  static func normalize(_ events: [NewEvent], batch: Batch) throws(ServiceError) -> [NewEvent] {
    var out = events
    for i in out.indices {
      do {
        out[i] = try normalize(out[i])
      } catch {
        throw ServiceError(error, at: batch.location(i))
      }
    }
    return out
  }

  /// One event: its envelope, its data (made canonical), its version, its reason if it is a correction.
  static func normalize(_ event: NewEvent) throws(DomainError) -> NewEvent {
    var e = event
    do {
      try EnvelopeRules.check(event)
    } catch {
      throw DomainError(.invalidValue, error.message, field: error.location?.field, cause: error)
    }
    let kind = try EventCatalog.kind(named: event.type)
    e.version = kind.version
    e.type = kind.rawValue  // the catalog's own string: one copy shared by every event of the type
    if let bytes = event.encodedData {
      e.setCanonicalData(try kind.eventType.canonical(encoded: bytes))
    } else {
      e.setCanonicalData(try kind.eventType.canonical(event.data))
    }
    try CorrectionRules.checkReason(of: kind, event.reason)
    return e
  }
}
