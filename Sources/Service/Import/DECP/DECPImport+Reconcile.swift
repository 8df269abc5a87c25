import Domain
import Journal

extension DECPImport {
  /// Sets the events of records already in the journal against what is there.
  ///
  /// The journal itself keeps an event with the same id and content once. A
  /// record imported before by another admin (only the author differs) is
  /// already there too, and leaves the batch. A record republished with other
  /// content is refused, naming what changed; with `asCorrection` it becomes one
  /// `event.corrected` of the event it replaces (none if a correction already
  /// says the same). Ids are looked up only when the journal finds one taken.
  static func reconcile(_ staged: inout Staged, report: inout Report, ledger: Ledger, options: Options) throws(ServiceError) {
    let events = staged.converted.events
    guard !events.isEmpty, try Importer.anyIdTaken(events, ledger: ledger) else { return }
    // Each id looked up in the journal's id tables (O(log n) each), not the journal read whole.
    let existing = try existingRecords(events, ledger: ledger)
    try settle(&staged, existing: existing, report: &report, ledger: ledger, options: options)
  }

  /// The events of `existing` (index in the batch → the record the journal holds with its id) set against it:
  /// already there, refused, or (with `asCorrection`) recorded as a correction.
  static func settle(
    _ staged: inout Staged, existing: [Int: Record], report: inout Report, ledger: Ledger, options: Options
  ) throws(ServiceError) {
    guard !existing.isEmpty else { return }
    let events = staged.converted.events
    var kept = Importer.Converted()
    kept.count = staged.converted.count
    kept.problems = staged.converted.problems
    for (i, event) in events.enumerated() {
      let origin = staged.converted.origins[i]
      guard let record = existing[i], !record.hasSameContent(as: event) else {
        kept.append(event, number: origin.number, place: origin.place)
        continue
      }
      if record.type == event.type, record.occurredOn == event.occurredOn, record.source == event.source,
        record.reason == event.reason, record.dataBytes.elementsEqual(event.canonicalData)
      {
        report.alreadyPresent += 1
        continue
      }
      let old = (try? record.data()) ?? .object([:])
      // The event holds its data as bytes: read once for both uses below.
      let data = event.data
      let changed = changedFields(old, data, dateMoved: record.occurredOn != event.occurredOn)
      guard options.asCorrection else {
        kept.problems.append(
          ServiceError(
            .conflictingID,
            "this record is already in the journal (seq \(record.seq)) with other content (changed: \(changed.joined(separator: ", "))); to record the republished version, import it again with --as-correction.",
            at: .init(line: origin.number, field: "id", place: origin.place)))
        continue
      }
      let current = try ledger.effective(seq: record.seq)
      if !current.retracted, current.data.canonicalBytes() == event.canonicalData, record.occurredOn == event.occurredOn {
        report.alreadyPresent += 1
        continue
      }
      let correction = NewEvent(
        type: EventKind.eventCorrected.rawValue, occurredOn: options.today ?? Today.inParis(), author: options.author,
        source: event.source, reason: "DECP republiée le \(staged.published[i])",
        data: EventCorrected.data(
          target: record.seq, replacement: data, occurredOn: record.occurredOn == event.occurredOn ? nil : event.occurredOn))
      kept.append(correction, number: origin.number, place: origin.place)
      report.corrected += 1
    }
    staged.converted = kept
  }

  /// The top-level fields whose values differ, and "occurredOn" when the date moved.
  static func changedFields(_ old: JSONValue, _ new: JSONValue, dateMoved: Bool) -> [String] {
    let a = old.objectValue ?? [:]
    let b = new.objectValue ?? [:]
    var out = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    if dateMoved { out.insert("occurredOn (dateNotification)", at: 0) }
    return out.isEmpty ? ["the author or the source"] : out
  }
}
