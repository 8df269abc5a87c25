import Glibc
import Journal

/// The system under test: `Writer.append` (one durable commit per call) and
/// `Reader.records(from:)`, with default options.
enum JournalBench {
  struct BulkResult {
    var appendNanos: UInt64 = 0
    var bytesBeforeSeal: Int64 = 0
    var bytesAfterSeal: Int64 = 0
    var sealNanos: UInt64 = 0
    var segments = 0
  }

  /// How section 1 hands the batches to the writer.
  enum Path {
    /// `Writer.append(_:)`, one call (one durable commit) per batch, `data` as a `JSONValue`.
    case perBatch
    /// `Writer.append(batches:)` (#14, part 5): one durable commit per batch, the next batch prepared while
    /// the one before is flushed, `data` given as the canonical bytes a catalog already made (checked by the writer).
    case pipelined
  }

  /// Batches handed to one `append(batches:)` call: generated beforehand, untimed (the pipeline drains at the end
  /// of each call, so a call's last flush is not overlapped: that cost is counted).
  static let pipelineChunk = 32

  /// Creates a journal at `path` and appends `total` events in batches of
  /// `batch`, timing only the `append` calls (event generation is outside).
  /// Then measures the segments, seals the last one and measures again.
  /// With `drawnIDs` the events carry no id (the journal draws one), so the
  /// writer has no id to look up: this isolates the cost of that lookup.
  static func bulk(
    path: String, gen: Generator, total: Int, batch: Int, drawnIDs: Bool = false, via: Path = .pipelined
  ) -> BulkResult {
    var result = BulkResult()
    guarded("bulk load into \(path)") { () throws(JournalError) in
      try Writer.create(at: path)
      let writer = try Writer(at: path)
      var start = 0
      while start < total {
        var batches: [[NewEvent]] = []
        var count = 0
        for _ in 0..<(via == .pipelined ? pipelineChunk : 1) where start + count < total {
          var events = gen.batch(start + count, min(batch, total - start - count)).events
          if drawnIDs { for k in events.indices { events[k].id = nil } }
          if via == .pipelined { events = events.map(preEncoded) }
          count += events.count
          batches.append(events)
        }
        var acknowledged = 0
        let t0 = System.now()
        switch via {
        case .perBatch:
          acknowledged = try writer.append(batches[0]).count
        case .pipelined:
          try writer.append(batches: batches) { _, results in acknowledged += results.count }
        }
        result.appendNanos += System.now() - t0
        if acknowledged != count { System.fail("the journal acknowledged \(acknowledged) of \(count) events") }
        start += count
      }
      result.bytesBeforeSeal = segmentBytes(path)
      let t0 = System.now()
      try writer.seal()
      result.sealNanos = System.now() - t0
      result.bytesAfterSeal = segmentBytes(path)
      result.segments = segmentFiles(path).count
    }
    return result
  }

  /// The same event with its `data` as canonical bytes, as a catalog hands them on after checking the fields.
  static func preEncoded(_ e: NewEvent) -> NewEvent {
    NewEvent(
      id: e.id, type: e.type, version: e.version, occurredOn: e.occurredOn, author: e.author, source: e.source,
      reason: e.reason, canonicalData: e.data.canonicalBytes(), recordedAt: e.recordedAt)
  }

  struct SingleResult {
    var latencies = Latencies()
    var bytesBeforeSeal: Int64 = 0
    var bytesAfterSeal: Int64 = 0
  }

  /// `count` events, one `append` (one durable commit) each; per-call latency.
  static func single(path: String, gen: Generator, count: Int) -> SingleResult {
    var result = SingleResult()
    result.latencies.nanos.reserveCapacity(count)
    guarded("single appends into \(path)") { () throws(JournalError) in
      try Writer.create(at: path)
      let writer = try Writer(at: path)
      for i in 0..<count {
        let e = gen.event(i)
        let t0 = System.now()
        _ = try writer.append([e])
        result.latencies.nanos.append(Double(System.now() - t0))
      }
      result.bytesBeforeSeal = segmentBytes(path)
      try writer.seal()
      result.bytesAfterSeal = segmentBytes(path)
    }
    return result
  }

  /// Reads every event from seq 1, touching `seq`, `type` and `recordedAt`.
  /// Returns the number of events and the time taken.
  static func readAll(path: String) -> (events: Int, nanos: UInt64) {
    var n = 0
    var sink: UInt64 = 0
    let t0 = System.now()
    guarded("read \(path)") { () throws(JournalError) in
      let reader = try Reader(at: path)
      var it = try reader.records(from: 1)
      while let r = try it.next() {
        sink &+= r.seq
        sink &+= UInt64(r.type.utf8.count)
        sink &+= UInt64(bitPattern: r.recordedAt.millisecondsSince1970)
        n += 1
      }
    }
    let nanos = System.now() - t0
    if sink == 42 { print("") }  // keeps the touches observable
    return (n, nanos)
  }

  static func segmentFiles(_ journal: String) -> [String] {
    let folder = journal + "/segments"
    return System.list(folder).filter { $0.hasSuffix(".lz4") }.map { folder + "/" + $0 }
  }

  static func segmentBytes(_ journal: String) -> Int64 {
    segmentFiles(journal).reduce(0) { $0 + System.fileSize($1) }
  }

  static func guarded(_ what: String, _ body: () throws(JournalError) -> Void) {
    do {
      try body()
    } catch {
      System.fail("journal error during \(what): \(error.message)")
    }
  }
}

/// The reader's memory, measured in a fresh process (`ess-bench read-only
/// --dir JOURNAL --runs R`): its peak RSS before and after reading the whole
/// journal `runs` times. Prints `key=value` lines that ``ReaderChild/spawn``
/// parses.
enum ReaderChild {
  struct Figures {
    var events = 0
    var nanos: [UInt64] = []
    var hwmBeforeKB = 0
    var hwmAfterKB = 0
    var journalBytes: Int64 = 0
  }

  static func main(_ options: Options) {
    let path = options.dir!
    let before = System.vmHWM
    var nanos: [String] = []
    var events = 0
    for _ in 0..<options.runs {
      let r = JournalBench.readAll(path: path)
      events = r.events
      nanos.append(String(r.nanos))
    }
    let after = System.vmHWM
    print("events=\(events)")
    print("nanos=\(nanos.joined(separator: ","))")
    print("vmhwm_before_kb=\(before)")
    print("vmhwm_after_kb=\(after)")
    print("journal_bytes=\(JournalBench.segmentBytes(path))")
  }

  static func spawn(journal: String, runs: Int) -> Figures {
    let r = System.run([System.selfExecutable(), "read-only", "--dir", journal, "--runs", String(runs)])
    guard r.status == 0 else { System.fail("the reader child exited with status \(r.status)") }
    var f = Figures()
    for line in String(decoding: r.output, as: UTF8.self).split(separator: "\n") {
      let kv = line.split(separator: "=", maxSplits: 1).map(String.init)
      guard kv.count == 2 else { continue }
      switch kv[0] {
      case "events": f.events = Int(kv[1]) ?? 0
      case "nanos": f.nanos = kv[1].split(separator: ",").compactMap { UInt64($0) }
      case "vmhwm_before_kb": f.hwmBeforeKB = Int(kv[1]) ?? 0
      case "vmhwm_after_kb": f.hwmAfterKB = Int(kv[1]) ?? 0
      case "journal_bytes": f.journalBytes = Int64(kv[1]) ?? 0
      default: break
      }
    }
    return f
  }
}
