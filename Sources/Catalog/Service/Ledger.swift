import Dispatch
import Journal

#if canImport(Glibc)
  import Glibc
#endif

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
  var model: IntegrityModel?
  var checkpointSeq: UInt64 = 0
  /// Save the integrity checkpoint once this many events were folded past it
  /// (writing it costs far less than folding them again at every append).
  public var checkpointEvery: UInt64 = 256

  public init(journal path: String, options: WriterOptions = WriterOptions()) throws(JournalError) {
    self.path = path
    self.writer = try Writer(at: path, options: options)
  }

  /// The writer's recovery notes (torn tails set aside when the journal was opened).
  public var recoveryNotes: [RecoveryNote] { writer.recoveryNotes }

  /// Validates `events` (catalog and integrity) and appends them as one
  /// commit. Throws ``CatalogError`` (with `line` set for batches) or
  /// `JournalError`; in both cases nothing was written.
  @discardableResult
  public func append(_ events: [NewEvent]) throws -> [Appended] {
    try append(normalized: Ledger.normalize(events), lines: nil)
  }

  /// Appends events already normalised; `lines` maps each to its input line.
  func append(normalized events: [NewEvent], lines: [Int]?) throws -> [Appended] {
    var undo: IntegrityModel.Undo? = nil
    do {
      // `events` went through `normalize`, which checked every envelope.
      let done = try writer.append(events, envelopesChecked: true) { preview in
        undo = try self.checkIntegrity(events, preview, lines: lines)
      }
      try saveCheckpointIfDue()
      return done
    } catch {
      if let u = undo { model?.rollback(u) }
      throw Ledger.placed(error, lines: lines)
    }
  }

  /// A journal error about event k of the batch, told as the input's line.
  static func placed(_ error: any Error, lines: [Int]?) -> any Error {
    guard var e = error as? JournalError, let k = e.location?.line, let lines, k >= 1, k <= lines.count else { return error }
    let prefix = "Event \(k) of the batch: "
    let rest = e.message.hasPrefix(prefix) ? String(e.message.dropFirst(prefix.count)) : e.message
    var text = String(rest.prefix(1).uppercased() + rest.dropFirst())
    for j in stride(from: lines.count, through: 1, by: -1) where text.contains("event \(j) of the batch") {
      text = text.replacing("event \(j) of the batch", with: "line \(lines[j - 1])")
    }
    e.message = "Line \(lines[k - 1]): " + text
    e.location?.line = lines[k - 1]
    return e
  }

  /// Every integrity problem `events` would meet, without writing anything.
  /// Journal-level refusals (a reused id, a recordedAt going back) are thrown.
  func dryRun(_ events: [NewEvent], lines: [Int]) throws -> [CatalogError] {
    var problems: [CatalogError] = []
    do {
      // `events` went through `normalize`, which checked every envelope.
      try writer.preview(events, envelopesChecked: true) { preview in
        problems = try self.integrityProblems(events, preview, lines: lines)
      }
    } catch {
      throw Ledger.placed(error, lines: lines)
    }
    return problems
  }

  /// The catalog's field rules, the version of each type, and the envelope
  /// rules of corrections; `line` is set for batches of more than one event.
  static func normalize(_ events: [NewEvent]) throws(CatalogError) -> [NewEvent] {
    var out = events
    for i in out.indices {
      do {
        out[i] = try normalize(out[i])
      } catch {
        throw events.count > 1 ? error.at(line: i + 1) : error
      }
    }
    return out
  }

  static func normalize(_ event: NewEvent) throws(CatalogError) -> NewEvent {
    var e = event
    do {
      try EnvelopeRules.check(event)
    } catch {
      throw CatalogError(.invalidValue, error.message, field: error.location?.field)
    }
    guard let type = EventCatalog.type(named: event.type) else { throw EventCatalog.unknownType(event.type) }
    e.version = type.version
    e.type = type.type  // the catalog's own string: one copy shared by every event of the type
    e.data = try EventCatalog.validate(type, data: event.data)
    if IntegrityModel.correctionTypes.contains(event.type) {
      guard let reason = event.reason else {
        throw CatalogError(
          .missingField, "Field 'reason' is required for an \(event.type) event: say why it is made.", field: "reason",
          rule: "required for corrections and retractions")
      }
      guard reason.contains(where: { !$0.isWhitespace }) else {
        throw CatalogError(
          .invalidValue, "Field 'reason' of an \(event.type) event must not be empty: say why it is made.", field: "reason",
          rule: "required for corrections and retractions", given: "\"\(reason)\"")
      }
    }
    return e
  }

  /// Brings the integrity model up to `head` (from its checkpoint if needed),
  /// then applies the new events tentatively and checks every touched rule.
  /// On success the model stays applied (the returned undo reverts it if the
  /// commit then fails).
  func checkIntegrity(_ events: [NewEvent], _ preview: BatchPreview, lines: [Int]?) throws -> IntegrityModel.Undo? {
    // No rule looks at these events (books counted, plenaries…): nothing to check,
    // and the model folds them later, when a checked event needs it.
    if events.allSatisfy({ !IntegrityFact.keyedTypes.contains($0.type) && !IntegrityModel.correctionTypes.contains($0.type) }) {
      return nil
    }
    try catchUp(to: preview.headSeq)
    var undo: IntegrityModel.Undo? = model!.beginUndo()
    var touched = Touched()
    do {
      touched = try applyTentatively(events, preview, undo: &undo) { error, i in
        throw Ledger.locate(error, index: i, count: events.count, lines: lines)
      }
      try model!.check(keys: touched.keys)
    } catch let violation as IntegrityModel.Violation {
      model!.rollback(undo!)
      throw Ledger.explain(violation, preview, NewSeqs(preview), lines: lines, culprit: touched.first[violation.key])
    } catch {
      model!.rollback(undo!)
      throw error
    }
    return undo!
  }

  /// Like ``checkIntegrity`` but collects every problem (one per key) and leaves the model as it was.
  func integrityProblems(_ events: [NewEvent], _ preview: BatchPreview, lines: [Int]) throws -> [CatalogError] {
    let t0 = Trace.now()
    defer { Trace.log("integrity fold and rules", since: t0) }
    try catchUp(to: preview.headSeq)
    // Nothing to undo: the tentative model is dropped afterwards (the next use reloads it).
    var undo: IntegrityModel.Undo? = nil
    defer { model = nil }
    var problems: [CatalogError] = []
    let touched = try applyTentatively(events, preview, undo: &undo) { error, i in
      problems.append(Ledger.locate(error, index: i, count: events.count, lines: lines))
    }
    Trace.log("integrity apply", since: t0)
    // Every touched key's rules, on every core (the model is only read here).
    let model = self.model!
    let keys = touched.keys
    let chunks = max(1, min(ProcessorCount.value, keys.count / 5000))
    let per = (keys.count + chunks - 1) / chunks
    let found = ChunkSlots<[CatalogError]>(count: chunks, empty: [])
    let newSeqs = NewSeqs(preview)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var mine: [CatalogError] = []
      for key in keys[min(keys.count, c * per)..<min(keys.count, (c + 1) * per)] {
        do throws(IntegrityModel.Violation) {
          try model.check(keys: CollectionOfOne(key))
        } catch {
          mine.append(Ledger.explain(error, preview, newSeqs, lines: lines, culprit: touched.first[key]))
        }
      }
      found.set(c, mine)
    }
    for c in 0..<chunks { problems += found.take(c) }
    // By line; on one line, in the order the keys were touched.
    return problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
  }

  /// The index keys a batch touched, in the order first touched, each with
  /// the batch index of the first event that touched it.
  struct Touched {
    var keys: [String] = []
    var first: [String: Int] = [:]
  }

  /// Applies the batch's new events to the model (recording what to undo in
  /// `undo`), handing refused targets to `refused`; returns each touched index
  /// key with the first event (batch index) that touched it.
  func applyTentatively(
    _ events: [NewEvent], _ preview: BatchPreview, undo: inout IntegrityModel.Undo?,
    refused: (CatalogError, Int) throws -> Void
  ) throws -> Touched {
    model!.reserve(events.count)
    var touched = Touched()
    for i in events.indices where !preview.results[i].existed {
      let result = preview.results[i]
      do {
        try checkTarget(events[i], seq: result.seq)
      } catch {
        try refused(error, i)
        continue
      }
      let day = ParisTime.validDate(of: events[i].occurredOn).map { Int32($0.daysSince1970) }
      let keys = model!.apply(
        seq: result.seq, hash: result.hash, type: events[i].type, day: day, data: events[i].data, undo: &undo)
      for k in keys where touched.first[k] == nil {
        touched.first[k] = i
        touched.keys.append(k)
      }
    }
    return touched
  }

  static func locate(_ error: CatalogError, index: Int, count: Int, lines: [Int]?) -> CatalogError {
    if let lines { return error.at(line: lines[index]) }
    return count > 1 ? error.at(line: index + 1) : error
  }

  /// Where each new event of a preview is in the batch, by its seq.
  struct NewSeqs: Sendable {
    let headSeq: UInt64
    /// Batch index of the new event with seq headSeq + 1 + k (events already present take no seq).
    let index: [Int]

    init(_ preview: BatchPreview) {
      headSeq = preview.headSeq
      var index: [Int] = []
      for (i, r) in preview.results.enumerated() where !r.existed && r.seq > preview.headSeq { index.append(i) }
      self.index = index
    }

    func callAsFunction(_ seq: UInt64) -> Int? {
      guard seq > headSeq, seq - headSeq <= UInt64(index.count) else { return nil }
      return index[Int(seq - headSeq - 1)]
    }
  }

  /// Places a rule violation on the input line of the new event that breaks
  /// it (or, when an event already in the journal would break, of the first
  /// new event that touches it), and speaks of new events by line, not by the
  /// seq they would have had.
  static func explain(
    _ v: IntegrityModel.Violation, _ preview: BatchPreview, _ newSeqs: NewSeqs, lines: [Int]?, culprit: Int?
  ) -> CatalogError {
    var e = v.error
    let count = preview.results.count
    func name(_ index: Int) -> String {
      if let lines { return "line \(lines[index])" }
      return count > 1 ? "event \(index + 1) of the batch" : "the new event"
    }
    e.message = renamingSeqs(in: e.message) { seq in newSeqs(seq).map(name) }
    if v.seq <= preview.headSeq {
      e.message += " Seq \(v.seq) is already in the journal: the new event would make it break this rule."
    }
    let index = v.seq > preview.headSeq ? newSeqs(v.seq) : culprit
    guard let index else { return e }
    return locate(e, index: index, count: count, lines: lines)
  }

  /// `message` with each "seq N" (and "(seq N)") that `name` knows replaced by its name.
  static func renamingSeqs(in message: String, _ name: (UInt64) -> String?) -> String {
    var out = ""
    var rest = Substring(message)
    while let r = rest.firstRange(of: "seq ") {
      let digits = rest[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
      let before = rest[..<r.lowerBound]
      if let seq = UInt64(digits), let replacement = name(seq) {
        out += before
        out += replacement
      } else {
        out += rest[..<digits.endIndex]
      }
      rest = rest[digits.endIndex...]
    }
    return out + rest
  }

  /// Corrections and retractions must aim at an earlier domain event, and a
  /// correction's data must be valid data of the target's type.
  func checkTarget(_ event: NewEvent, seq: UInt64) throws(CatalogError) {
    guard IntegrityModel.correctionTypes.contains(event.type) else { return }
    guard let target = event.data["target"]?.numberValue?.int64Value.map(UInt64.init) else { return }
    guard target < seq, let targetType = model!.type(ofSeq: target) else {
      throw CatalogError(
        .ruleBroken, "The \(event.type) event targets seq \(target), which is not in the journal.", field: "target",
        rule: "an existing event", given: String(target))
    }
    guard !IntegrityModel.correctionTypes.contains(targetType) else {
      throw CatalogError(
        .ruleBroken, "Seq \(target) is itself an \(targetType) event; correct or retract the original event instead.",
        field: "target", rule: "a domain event, not a correction", given: String(target))
    }
    if event.type == "event.corrected" {
      do {
        _ = try EventCatalog.validate(type: targetType, data: event.data["data"] ?? .null)
      } catch {
        var e = error
        e.message = "The corrected data is not valid for \(targetType) (seq \(target)): " + e.message
        throw e
      }
    }
  }
}
