/// A batch ready to commit: its JSON Lines, and what to report.
struct Batch: Sendable {
  /// Encoded lines not yet compressed (the whole batch's lines are `rawCount` bytes).
  var lines: [UInt8] = []
  /// LZ4 frames of the lines before `lines`, cut as ``compressFrames(frameBytes:all:)`` says.
  var compressed: [UInt8] = []
  var rawCount = 0
  var count = 0
  var firstSeq: UInt64 = 0
  var lastHash: ChainHash = .zero
  var lastRecordedAt = Timestamp(millisecondsSince1970: 0)
  var results: [Appended] = []
  var newIDs: [(key: UUIDKey, seq: UInt64)] = []
  /// Each frame of `compressed`: its length and how many lines it holds (for the frame index).
  var frameInfo: [(length: Int, lines: Int)] = []
  /// When the chain is left for later (a pipelined batch): `lines` holds the
  /// events' bodies, each ending here; ``chain(after:)`` makes them lines.
  var bodyEnds: [Int]? = nil
}

extension Batch {
  /// Chains a batch encoded without its hashes, after the event whose hash is
  /// `prev`: each body becomes its full line (the same bytes as chaining while
  /// encoding), and the results of this batch's events get their hashes.
  /// Returns the hash of each new event, in seq order.
  mutating func chain(after prev: ChainHash) -> [ChainHash] {
    guard let ends = bodyEnds else { return [] }
    var prevText = prev.text
    var out: [UInt8] = []
    out.reserveCapacity(rawCount)
    var hashes: [ChainHash] = []
    hashes.reserveCapacity(ends.count)
    var start = 0
    for end in ends {
      hashes.append(EventLine.append(body: lines[start..<end], prevText: &prevText, to: &out))
      start = end
    }
    lines = out
    bodyEnds = nil
    let range = firstSeq..<(firstSeq + UInt64(count))
    for k in results.indices where range.contains(results[k].seq) { results[k].hash = hashes[Int(results[k].seq - firstSeq)] }
    lastHash = hashes.last ?? prev
    return hashes
  }

  /// Compresses the pending lines into frames of about `frameBytes` raw
  /// bytes, each cut after a line's newline: every whole frame, or (`all`)
  /// everything. Compressing while encoding keeps a large batch's raw lines
  /// out of memory; frames come out the same as compressing at the end.
  mutating func compressFrames(frameBytes: Int, all: Bool) throws(JournalError) {
    var start = 0
    while all ? start < lines.count : lines.count - start > frameBytes {
      var end = min(start + frameBytes, lines.count)
      if end < lines.count {
        // Cut after the last newline in the chunk (or the first one after it).
        var cut = end
        while cut > start && lines[cut - 1] != 0x0A { cut -= 1 }
        if cut == start {
          cut = end
          while cut < lines.count && lines[cut - 1] != 0x0A { cut += 1 }
        }
        end = cut
      }
      let before = compressed.count
      try LZ4Frame.compress(lines[start..<end], appendingTo: &compressed)
      let count = Newlines.count(in: lines, start..<end)
      frameInfo.append((compressed.count - before, count))
      start = end
    }
    lines.removeSubrange(0..<start)
  }
}

/// The batch before this one in a pipelined bulk append (``Writer/append(batches:acknowledged:)``):
/// written but not yet durable, so its ids are not in the id index yet; they
/// are looked up here, like the journal's (its events compared whole).
struct PendingBatch {
  var given: UUIDMap<(result: Appended, place: Int, content: ContentDigest?)>
  var events: [NewEvent]
}

/// Where the next event of a batch (or of a streamed commit) goes: the
/// chain's state after the events before it, and the ids given so far.
struct PrepareState {
  var seq: UInt64
  var prev: ChainHash
  var prevText: [UInt8] = []
  /// The last recordedAt so far, and the journal's own before the batch (for messages).
  var last: Timestamp
  let lastKnown: Timestamp
  var now: Timestamp
  /// Events prepared so far (their place in the batch, from 0).
  var placed = 0
  /// Ids given to earlier events of the batch: their result, and a digest of
  /// their content when the events are not all at hand (a streamed commit).
  var given = UUIDMap<(result: Appended, place: Int, content: ContentDigest?)>()
  /// Whether to keep digests (a streamed commit, whose earlier parts are gone).
  var digests = false
  /// The last recordedAt written, as its 24 characters (most events of a batch share it).
  var stamp: Timestamp? = nil
  var stampText: [UInt8] = []

  init(seq: UInt64, prev: ChainHash, last: Timestamp, now: Timestamp) {
    self.seq = seq
    self.prev = prev
    self.last = last
    self.lastKnown = last
    self.now = now
    prev.appendText(to: &prevText)
  }
}

extension Writer {
  /// The state a batch starts from: after the journal's head.
  func startState() -> PrepareState {
    PrepareState(
      seq: tail?.nextSeq ?? 1, prev: tail?.lastHash ?? .zero, last: tail?.lastRecordedAt ?? Timestamp(millisecondsSince1970: 0),
      now: options.clock())
  }

  /// Numbers, stamps and chains the events; resolves ids already in the journal.
  func prepare(_ events: [NewEvent], encode: Bool = true) throws(JournalError) -> Batch {
    var state = startState()
    return try prepare(events, encode: encode, state: &state, placeAll: events.count > 1)
  }

  /// The same, from `state` (the events before them in a streamed commit),
  /// which it leaves after them. `placeAll`: errors name the event's place in
  /// the batch even when there is only one.
  func prepare(
    _ events: [NewEvent], encode: Bool, state: inout PrepareState, placeAll: Bool, pending: PendingBatch? = nil,
    deferChain: Bool = false
  ) throws(JournalError) -> Batch {
    // Chained later (``Batch/chain(after:)``): bodies only, none compressed yet, hashes left `.zero`.
    let deferred = encode && deferChain
    // Each id parsed once (EnvelopeRules.check already refused malformed ones).
    let givenKeys = events.map { $0.id.flatMap(UUIDKey.init) }
    let supplied = givenKeys.compactMap { $0 }
    let known = supplied.isEmpty ? UUIDMap() : try ids.lookup(supplied, tail: tail)
    var batch = Batch()
    // A preview (no encoding) draws no ids: it writes nothing, and its checks need none.
    var drawn = encode ? IdIndex.randomKeys(events.count - supplied.count)[...] : []
    batch.firstSeq = state.seq
    if deferred { batch.bodyEnds = [] }
    if encode { batch.lines.reserveCapacity(min(events.count * 512, 2 * options.frameBytes + EnvelopeRules.maxLineBytes)) }
    batch.results.reserveCapacity(events.count)
    batch.newIDs.reserveCapacity(events.count)
    let lookup = Reader(layout: layout)
    for i in events.indices {
      // `line` is the event's 1-based place in the batch (importers map it to their input's line).
      let place = state.placed + i + 1
      let location = JournalError.Location(line: placeAll ? place : nil, field: "id")
      let given = givenKeys[i]
      let key = given ?? drawn.popFirst()
      // A given id already in lowercase is written as given (the same text as its key's).
      let id = given != nil ? Writer.lowercaseID(events[i].id!) ?? key!.text : key?.text ?? ""
      if let given, let seqKnown = known[given] {
        let record = try lookup.record(seq: seqKnown)
        guard record.hasSameContent(as: events[i]) else {
          throw JournalError(
            .conflictingID,
            "The id \(id) is already used by seq \(seqKnown) with different content; use a new id, or a correction event to change that event.",
            at: location)
        }
        batch.results.append(Appended(seq: seqKnown, id: id, hash: record.hash, recordedAt: record.recordedAt, existed: true))
        continue
      }
      if let given, let pending, let earlier = pending.given[given] {
        guard Writer.sameContent(pending.events[earlier.place - 1], events[i]) else {
          throw JournalError(
            .conflictingID,
            "The id \(id) is already used by seq \(earlier.result.seq) with different content; use a new id, or a correction event to change that event.",
            at: location)
        }
        var again = earlier.result
        again.existed = true
        batch.results.append(again)
        continue
      }
      if let given, let earlier = state.given[given] {
        // The earlier event is in this call (compared whole), or was digested (a streamed commit).
        let base = state.placed
        let same =
          earlier.place > base
          ? Writer.sameContent(events[earlier.place - base - 1], events[i]) : earlier.content == ContentDigest(events[i])
        guard same else {
          throw JournalError(
            .conflictingID, "The id \(id) is used by two events of the batch, with different content.",
            at: .init(line: place, otherLine: earlier.place, field: "id"))
        }
        var again = earlier.result
        again.existed = true
        batch.results.append(again)
        continue
      }
      let at: Timestamp
      if let given = events[i].recordedAt {
        guard given <= state.now else {
          throw JournalError(
            .invalidInput, "Field 'recordedAt' is in the future: \(given) (now is \(state.now)).",
            at: .init(line: location.line, field: "recordedAt"))
        }
        guard given >= state.last else {
          throw JournalError(
            .invalidInput,
            "Field 'recordedAt' \(given) is earlier than \(state.last), the last recordedAt \(state.last == state.lastKnown ? "of the journal" : "of the events before it"); transaction time never goes back.",
            at: .init(line: location.line, field: "recordedAt"))
        }
        at = given
      } else {
        at = max(state.now, state.last)
      }
      state.last = at
      let start = batch.lines.count
      if encode && state.stamp != at {
        state.stampText.removeAll(keepingCapacity: true)
        at.appendRFC3339(to: &state.stampText)
        state.stamp = at
      }
      var hash = ChainHash.zero
      if deferred {
        EventLine.body(seq: state.seq, id: id, event: events[i], recordedAtText: state.stampText, into: &batch.lines)
        batch.bodyEnds?.append(batch.lines.count)
      } else if encode {
        hash = EventLine.append(
          seq: state.seq, id: id, event: events[i], recordedAtText: state.stampText, prevText: &state.prevText, to: &batch.lines)
      }
      // A body is its line without `,"prev":"…","hash":"…"` and the newline, with its own closing brace.
      let length = batch.lines.count - start + (deferred ? EventLine.suffixLength : 0)
      if length > EnvelopeRules.maxLineBytes {
        throw JournalError(
          .invalidInput,
          "The event is \(length) bytes long once written; at most \(EnvelopeRules.maxLineBytes) are allowed.",
          at: .init(line: location.line, field: "data"))
      }
      batch.rawCount += length
      if encode && !deferred && batch.lines.count > 2 * options.frameBytes {
        try batch.compressFrames(frameBytes: options.frameBytes, all: false)
      }
      let result = Appended(seq: state.seq, id: id, hash: hash, recordedAt: at, existed: false)
      if let given { state.given.insert(given, (result, place, state.digests ? ContentDigest(events[i]) : nil)) }
      batch.results.append(result)
      if let key { batch.newIDs.append((key, state.seq)) }
      state.prev = hash
      state.seq += 1
      batch.count += 1
    }
    state.placed += events.count
    batch.lastHash = state.prev
    batch.lastRecordedAt = state.last
    return batch
  }

  /// `id` itself if it is a UUID in lowercase 8-4-4-4-12 form (checked by the envelope rules), else nil.
  static func lowercaseID(_ id: String) -> String? {
    var id = id
    let ok = id.withUTF8 { u in u.count == 36 && !u.contains(where: { $0 >= 65 && $0 <= 70 }) }
    return ok ? id : nil
  }

  static func sameContent(_ a: NewEvent, _ b: NewEvent) -> Bool {
    a.type == b.type && a.occurredOn == b.occurredOn && a.author == b.author && a.source == b.source
      && a.reason == b.reason && a.canonicalData == b.canonicalData
  }
}
