import Dispatch
import Domain
import Journal
import Projections

extension Ledger {
  /// Brings the integrity model up to `head` (through the integrity index),
  /// then applies the new events tentatively and checks every touched rule.
  /// On success the model stays applied (the returned undo reverts it if the
  /// commit then fails); nil when no rule looks at the batch.
  func checkIntegrity(_ events: [NewEvent], _ preview: BatchPreview, batch: Batch) throws(ServiceError) -> IntegrityModel.Undo? {
    // No rule looks at these events (books counted, plenaries…): nothing to check.
    if events.allSatisfy({ EventKind.lookup($0.type).map { !$0.isCorrection && !IntegrityModel.looksAt($0) } ?? true }) {
      return nil
    }
    do {
      return try checkIntegrityOnce(events, preview, batch: batch)
    } catch let e where e.cause is IntegrityModel.IndexDamaged {
      // A damaged index value met while applying: rebuilt, then checked again.
      store.discardIndex()
      return try checkIntegrityOnce(events, preview, batch: batch)
    }
  }

  func checkIntegrityOnce(_ events: [NewEvent], _ preview: BatchPreview, batch: Batch) throws(ServiceError) -> IntegrityModel.Undo? {
    var model = try store.take(at: preview.headSeq, hash: preview.headHash)
    var undo: IntegrityModel.Undo? = model.beginUndo()
    let pending = PendingBatch(events, preview)
    var touched = Touched()
    do throws(ServiceError) {
      touched = try applyTentatively(pending, batch: batch, to: &model, undo: &undo) { (error: ServiceError) throws(ServiceError) in
        throw error
      }
      do {
        try model.load(checking: touched.keys, base: store.base)
      } catch {
        throw ServiceError(.ioFailure, "The integrity index cannot be read.", cause: error)
      }
      do throws(IntegrityViolation) {
        try model.check(keys: touched.keys)
      } catch {
        throw Ledger.explain(error, pending, batch: batch, culprit: touched.first[error.key])
      }
    } catch {
      model.rollback(undo!)
      store.keep(model)
      throw error
    }
    store.keep(model)
    return undo
  }

  /// Like ``checkIntegrity`` but collects every problem (one per key) and leaves the model as it was.
  func integrityProblems(_ events: [NewEvent], _ preview: BatchPreview, batch: Batch) throws(ServiceError) -> [ServiceError] {
    do {
      return try integrityProblemsOnce(events, preview, batch: batch)
    } catch let e where e.cause is IntegrityModel.IndexDamaged {
      store.discardIndex()
      return try integrityProblemsOnce(events, preview, batch: batch)
    }
  }

  func integrityProblemsOnce(_ events: [NewEvent], _ preview: BatchPreview, batch: Batch) throws(ServiceError) -> [ServiceError] {
    let t0 = Trace.now()
    defer { Trace.log("integrity fold and rules", since: t0) }
    // Taken out and dropped afterwards: the next use reloads it.
    var model = try store.take(at: preview.headSeq, hash: preview.headHash)
    var undo: IntegrityModel.Undo? = nil
    var problems: [ServiceError] = []
    let pending = PendingBatch(events, preview)
    let touched = try applyTentatively(pending, batch: batch, to: &model, undo: &undo) { error in problems.append(error) }
    do {
      try model.load(checking: touched.keys, base: store.base)
    } catch {
      throw ServiceError(.ioFailure, "The integrity index cannot be read.", cause: error)
    }
    Trace.log("integrity apply", since: t0)
    // Every touched key's rules, on every core (the model is only read here).
    let keys = touched.keys
    let chunks = max(1, min(ProcessorCount.value, keys.count / 5000))
    let per = (keys.count + chunks - 1) / chunks
    let found = ChunkResults<[ServiceError]>(count: chunks)
    let checked = model
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var mine: [ServiceError] = []
      for key in keys[min(keys.count, c * per)..<min(keys.count, (c + 1) * per)] {
        do throws(IntegrityViolation) {
          try checked.check(keys: CollectionOfOne(key))
        } catch {
          mine.append(Ledger.explain(error, pending, batch: batch, culprit: touched.first[key]))
        }
      }
      found.set(c, mine)
    }
    for c in 0..<chunks { problems += found.take(c) ?? [] }
    // By line; on one line, in the order the keys were touched.
    return problems.enumerated().sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
      .map(\.element)
  }

  /// The keys a batch touched, in the order first touched, each with the
  /// batch index of the first event that touched it.
  struct Touched {
    var keys: [IntegrityKey] = []
    var first: [IntegrityKey: Int] = [:]
  }

  /// Applies the batch's new events to `model` (recording what to undo in
  /// `undo`), handing refused corrections to `refused`; returns each touched
  /// key with the first event (batch index) that touched it.
  func applyTentatively(
    _ pending: PendingBatch, batch: Batch, to model: inout IntegrityModel, undo: inout IntegrityModel.Undo?,
    lookup given: ((UInt64) throws -> any StoredEvent)? = nil, refused: (ServiceError) throws(ServiceError) -> Void
  ) throws(ServiceError) -> Touched {
    var touched = Touched()
    let lookup = given ?? pending.lookup(store.reader)
    let kindOf: (UInt64) throws -> EventKind? = { seq in
      do {
        return EventKind.lookup(try lookup(seq).type)
      } catch let e as JournalError where e.code == .notFound {
        return nil
      }
    }
    let base = store.base
    // By index: each event is copied once, into its PendingEvent (not also into a loop variable).
    for i in pending.events.indices where !pending.preview.results[i].existed {
      let seq = pending.preview.results[i].seq
      let stored = PendingEvent(pending.events[i], seq: seq)
      let keys: [IntegrityKey]
      do {
        if let kind = EventKind.lookup(stored.type), kind.isCorrection {
          let data = JSONObjectView(stored.dataBytes)
          let target = Amendment(kind: kind, data: data)?.target ?? 0
          let targetKind = target >= 1 && target < seq ? try kindOf(target) : nil
          do throws(DomainError) {
            try CorrectionRules.checkTarget(of: kind, data: data, seq: seq, targetKind: targetKind)
          } catch {
            try refused(ServiceError(error, at: batch.location(i)))
            continue
          }
        }
        keys = try model.apply(
          stored, hash: pending.preview.results[i].hash, kindOf: kindOf, lookup: lookup, base: base, undo: &undo)
      } catch let e as ServiceError {
        throw e
      } catch let e as IntegrityModel.IndexDamaged {
        throw ServiceError(.ioFailure, "The integrity index cannot be read.", cause: e)
      } catch {
        throw ServiceError.wrap(error)
      }
      for k in keys where touched.first[k] == nil {
        touched.first[k] = i
        touched.keys.append(k)
      }
    }
    return touched
  }

  /// A rule violation, on the input line of the new event that breaks it (or,
  /// when an event already in the journal would break, of the first new event
  /// that touches it), with new events named by line, not by the seq they would have had.
  static func explain(_ v: IntegrityViolation, _ pending: PendingBatch, batch: Batch, culprit: Int?) -> ServiceError {
    explain(
      v, headSeq: pending.preview.headSeq, name: { pending.index(ofSeq: $0).map(batch.name) },
      location: { pending.index(ofSeq: $0).map(batch.location) }, culprit: culprit.map(batch.location))
  }

  /// The same, new events named by `name` and placed by `location` (nil for events already in the journal).
  static func explain(
    _ v: IntegrityViolation, headSeq: UInt64, name: (UInt64) -> String?, location: (UInt64) -> ServiceError.Location?,
    culprit: ServiceError.Location?
  ) -> ServiceError {
    var message = v.message { seq in name(seq) ?? "seq \(seq)" }
    let isOld = v.seq <= headSeq
    if isOld {
      message += " Seq \(v.seq) is already in the journal: the new event would make it break this rule."
    }
    var placed = (isOld ? culprit : location(v.seq)) ?? ServiceError.Location()
    placed.seq = isOld ? v.seq : nil
    return ServiceError(.ruleBroken, message, at: placed, cause: v)
  }
}
