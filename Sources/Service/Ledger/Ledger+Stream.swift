import Domain
import Journal
import Projections

extension Ledger {
  /// A part of a streamed import: its events (normalised) and the input line of each,
  /// and how a source that is not JSON Lines names each ("Record 3 (uid …)"), if it does.
  struct Part {
    var events: [NewEvent]
    var lines: [Int]
    var places: [String]? = nil
  }

  /// What a streamed import did, or would do.
  struct StreamOutcome {
    var summary: StreamSummary
    /// Every integrity problem (a dry run); empty otherwise.
    var problems: [ServiceError] = []
  }

  /// Appends the parts `next` gives as ONE commit without holding them all
  /// (``Journal/Writer/appendStream(envelopesChecked:trial:next:check:finish:committed:)``):
  /// each part is checked against the catalog (by `next`) and applied to the
  /// integrity model as it comes; the rules of every member, campaign and
  /// contract the file touched are checked at the end, over the whole
  /// effective history. With `dryRun`, every integrity problem is collected
  /// and nothing is written.
  ///
  /// - Throws: ``ServiceError``: the first problem (nothing written), naming its input line.
  func appendStream(dryRun: Bool, next: () throws(ServiceError) -> Part?) throws(ServiceError) -> StreamOutcome {
    var current = Part(events: [], lines: [])
    // The input line of every event given so far, by its place in the stream (for the writer's errors).
    var placeLines: [Int32] = []
    // Their places, if the source names them: one buffer of text and where each ends (a string each would weigh more).
    var placeText: [UInt8] = []
    var placeEnds: [Int] = []
    func place(_ k: Int) -> String? {
      guard k >= 0, k < placeEnds.count else { return nil }
      return String(decoding: placeText[(k == 0 ? 0 : placeEnds[k - 1])..<placeEnds[k]], as: UTF8.self)
    }
    // The place in the stream of each new event, when the source names places.
    var newPlaces: [Int32] = []
    var model: IntegrityModel? = nil
    var firstNew: UInt64 = 0
    var headSeq: UInt64 = 0
    var lineOfNew: [Int32] = []
    var keys: [IntegrityKey] = []
    var firstLine: [IntegrityKey: Int] = [:]
    var problems: [ServiceError] = []
    let reader = store.reader
    func name(_ seq: UInt64) -> String? {
      guard seq >= firstNew, seq - firstNew < UInt64(lineOfNew.count) else { return nil }
      let k = Int(seq - firstNew)
      if k < newPlaces.count, let p = place(Int(newPlaces[k])) { return p.prefix(1).lowercased() + p.dropFirst() }
      return "line \(lineOfNew[k])"
    }
    func location(_ seq: UInt64) -> ServiceError.Location? {
      guard seq >= firstNew, seq - firstNew < UInt64(lineOfNew.count) else { return nil }
      let k = Int(seq - firstNew)
      return ServiceError.Location(line: Int(lineOfNew[k]), place: k < newPlaces.count ? place(Int(newPlaces[k])) : nil)
    }
    do {
      let summary = try writer.appendStream(
        envelopesChecked: true, trial: dryRun,
        next: { () throws -> [NewEvent]? in
          guard let part = try next() else { return nil }
          current = part
          if let places = part.places {
            for p in places {
              placeText += p.utf8
              placeEnds.append(placeText.count)
            }
          }
          placeLines += part.lines.map { Int32(clamping: $0) }
          return part.events
        },
        check: { preview, staged in
          if model == nil {
            model = try self.store.take(at: preview.headSeq, hash: preview.headHash)
            headSeq = preview.headSeq
            firstNew = preview.headSeq + 1
          }
          let partStart = placeLines.count - current.events.count
          for (i, r) in preview.results.enumerated() where !r.existed && r.seq >= firstNew + UInt64(lineOfNew.count) {
            lineOfNew.append(Int32(clamping: current.lines[i]))
            if current.places != nil { newPlaces.append(Int32(clamping: partStart + i)) }
          }
          let pending = PendingBatch(current.events, preview)
          var batch = Batch(lines: current.lines, count: current.events.count)
          batch.places = current.places
          let lookup: (UInt64) throws -> any StoredEvent = { seq in
            if let i = pending.index(ofSeq: seq) { return PendingEvent(pending.events[i], seq: seq) }
            if let r = try staged.record(seq: seq) { return r }
            return try reader.record(seq: seq)
          }
          var none: IntegrityModel.Undo? = nil
          let touched = try self.applyTentatively(pending, batch: batch, to: &model!, undo: &none, lookup: lookup) {
            (error: ServiceError) throws(ServiceError) in
            guard dryRun else { throw error }
            problems.append(error)
          }
          for k in touched.keys where firstLine[k] == nil {
            firstLine[k] = current.lines[touched.first[k]!]
            keys.append(k)
          }
        },
        finish: {
          guard var m = model else { return }
          do {
            try m.load(checking: keys, base: self.store.base)
          } catch {
            throw ServiceError(.ioFailure, "The integrity index cannot be read.", cause: error)
          }
          for key in keys {
            do throws(IntegrityViolation) {
              try m.check(keys: CollectionOfOne(key))
            } catch {
              let e = Ledger.explain(
                error, headSeq: headSeq, name: name, location: location, culprit: firstLine[key].map { ServiceError.Location(line: $0) })
              guard dryRun else { throw e }
              problems.append(e)
            }
          }
          model = m
        },
        committed: {
          if let m = model {
            // Handed over (not kept here too: an import's model is large).
            model = nil
            self.store.keep(m)
            self.store.didCommit(from: firstNew)
          }
        })
      if dryRun || !summary.committed { store.model = nil }
      return StreamOutcome(
        summary: summary,
        problems: problems.enumerated().sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
          .map(\.element))
    } catch {
      // The model may hold part of the file: the next use reads the index again.
      store.model = nil
      // The writer names events by their place in the whole stream: told by their input line, as for any batch.
      guard error is JournalError else { throw ServiceError.wrap(error) }
      var batch = Batch(lines: placeLines.map { Int($0) }, count: placeLines.count)
      if !placeEnds.isEmpty { batch.places = placeEnds.indices.map { place($0) ?? "" } }
      throw batch.place(error)
    }
  }
}
