import Dispatch
import Domain
import Glibc
import Journal

/// `ess import`: a JSON Lines file as ONE all-or-nothing commit, or, with
/// `dryRun`, every problem of every line without writing anything.
///
/// ```swift
/// let report = try Importer.run(file: "spaser-2022.jsonl", journal: "journal", dryRun: true)
/// for problem in report.problems { print(problem) }   // "Line 7: Field 'books' must be …"
/// ```
public enum Importer {
  /// What an import did or would do.
  public struct Report: Sendable {
    public var lines = 0
    /// Each event's seq, id and hash, for a file read whole (below ``streamAbove``);
    /// empty for a streamed import, a dry run or a refusal.
    public var appended: [Appended] = []
    /// Every problem found (a dry run lists them all; a real import stops at the first).
    public var problems: [ServiceError] = []
    /// How many events were new, and their seqs.
    public var imported = 0
    public var seqs: ClosedRange<UInt64>? = nil
    /// How many were already in the journal (same id, same content), or given twice.
    public var alreadyPresent = 0
    /// The journal's head hash after the import.
    public var headHash: ChainHash? = nil
    /// Whether the file was read a part at a time (larger than ``streamAbove``).
    public var streamed = false

    /// Counts what one commit appended: the new events, their seqs and the head hash, and those already there.
    mutating func record(_ appended: [Appended]) {
      self.appended = appended
      let fresh = appended.filter { !$0.existed }
      imported = fresh.count
      alreadyPresent += appended.count - fresh.count
      if let first = fresh.first, let last = fresh.last { seqs = first.seq...last.seq }
      headHash = fresh.last?.hash
    }
  }

  /// Files larger than this are imported a part at a time: the commit is
  /// staged on disk as it is checked, never held whole in memory.
  public static let streamAbove = 16 << 20
  /// Bytes read at a time when streaming.
  static let blockBytes = 1 << 20

  /// Splits `input` into events, parsing and checking lines on every core.
  /// Blank lines are skipped; errors carry their line number. With
  /// `collect`, every bad line is reported instead of stopping at the first.
  static func events(
    _ input: [UInt8], collect: Bool, progress: (@Sendable (Int, Int) -> Void)?, firstLine: Int = 1, atStart: Bool = true,
    skipBOM: Bool = false, cores: Int = ProcessorCount.value
  ) throws(ServiceError) -> (events: [NewEvent], lines: [Int], problems: [ServiceError], count: Int) {
    guard !atStart || input.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw ServiceError(.badInput, "The file is empty: there is nothing to import.")
    }
    // Pass 1 (cheap): where each non-blank line is.
    var spans: [(line: Int, range: Range<Int>)] = []
    // A UTF-8 byte-order mark (spreadsheet exports) is not part of the first line.
    var start = (atStart || skipBOM) && input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = firstLine - 1
    let total = input.count
    input.withUnsafeBufferPointer { b in
      while start < total {
        var end = total
        if let p = memchr(b.baseAddress! + start, 0x0A, total - start) {
          end = b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
        line += 1
        var stop = end
        if stop > start && b[stop - 1] == 0x0D { stop -= 1 }
        var blank = true
        for i in start..<stop where b[i] != 0x20 && b[i] != 0x09 {
          blank = false
          break
        }
        if !blank { spans.append((line, start..<stop)) }
        start = end + 1
      }
    }
    // Pass 2: parse and check, one chunk per core, results merged in order.
    let all = spans
    let chunks = max(1, min(cores, spans.count / 1000))
    let box = ChunkResults<(events: [NewEvent], lines: [Int], problems: [ServiceError])>(count: chunks)
    let linesDone = SharedCount()
    let per = (spans.count + chunks - 1) / chunks
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var events: [NewEvent] = []
      var lines: [Int] = []
      var problems: [ServiceError] = []
      let mine = all[min(all.count, c * per)..<min(all.count, (c + 1) * per)]
      // The first chunk's array becomes the result: room for every line, so the others are appended without a move.
      events.reserveCapacity(c == 0 ? all.count : mine.count)
      lines.reserveCapacity(c == 0 ? all.count : mine.count)
      // Borrow the input once: slicing the shared array per line would retain and
      // release its buffer from both threads at once (a contended atomic).
      input.withUnsafeBufferPointer { buffer in
        for (k, span) in mine.enumerated() {
          if let progress, k % 5000 == 4999 { progress(linesDone.add(5000) * total / all.count, total) }
          do throws(ServiceError) {
            if span.range.count > EnvelopeRules.maxLineBytes {
              throw ServiceError(
                .badInput,
                "The line is \(span.range.count) bytes long; an event may take at most \(EnvelopeRules.maxLineBytes) bytes.",
                at: .init(line: span.line))
            }
            let line = UnsafeBufferPointer(rebasing: buffer[span.range])
            let event = try ImportLine.parse(line, line: span.line)
            do throws(DomainError) {
              events.append(try Ledger.normalize(event))
            } catch {
              throw ServiceError(error, at: .init(line: span.line))
            }
            lines.append(span.line)
          } catch {
            problems.append(error)
            if !collect { break }
          }
        }
      }
      box.set(c, (events, lines, problems))
    }
    var events: [NewEvent] = []
    var lines: [Int] = []
    var problems: [ServiceError] = []
    for c in 0..<chunks {
      guard let r = box.take(c) else { continue }
      if !collect, let first = r.problems.first { throw first }
      if c == 0 {
        (events, lines, problems) = r
      } else {
        events += r.events
        lines += r.lines
        problems += r.problems
      }
    }
    progress?(total, total)
    return (events, lines, problems, line)
  }

  /// Imports the JSON Lines file at `path` (`-`: standard input) into the
  /// journal at `journal`, as one commit; with `dryRun`, checks every line and
  /// lists every problem without writing.
  ///
  /// - Parameters:
  ///   - progress: called now and then with (bytes checked, bytes in all).
  /// - Returns: what was imported (or would be), and the problems of a dry run.
  /// - Throws: ``ServiceError``: the first problem of a real import (nothing written), or a journal that cannot be opened.
  public static func run(
    file path: String, journal: String, dryRun: Bool, streamAbove: Int = Importer.streamAbove,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Report {
    try run(file: path, into: Ledger(journal: journal), dryRun: dryRun, streamAbove: streamAbove, progress: progress)
  }

  /// The same, into `ledger`, reading `blockBytes` at a time when streaming.
  static func run(
    file path: String, into ledger: Ledger, dryRun: Bool, streamAbove: Int, blockBytes: Int = Importer.blockBytes,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Report {
    let input = try InputFile(path)
    let head = try input.read(upTo: streamAbove + 1)
    guard head.count > streamAbove else { return try run(head, into: ledger, dryRun: dryRun, progress: progress) }
    return try stream(input, head: head, into: ledger, dryRun: dryRun, blockBytes: blockBytes, progress: progress)
  }

  /// Problems in the order of their lines (one line's in the order found).
  static func byLine(_ problems: [ServiceError]) -> [ServiceError] {
    problems.enumerated().sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
      .map(\.element)
  }

  /// Imports a large file a part at a time (blocks of whole lines, each
  /// parsed and checked on every core), as one commit staged on disk.
  static func stream(
    _ input: InputFile, head: [UInt8], into ledger: Ledger, dryRun: Bool, blockBytes: Int = Importer.blockBytes,
    progress: (@Sendable (Int, Int) -> Void)?
  ) throws(ServiceError) -> Report {
    var report = Report()
    report.streamed = true
    let total = input.size
    let parts = ImportParts(input, head: head, blockBytes: blockBytes, collect: dryRun)
    let outcome = try ledger.appendStream(dryRun: dryRun) { () throws(ServiceError) -> Ledger.Part? in
      while let parsed = try parts.next() {
        report.lines = parsed.lastLine
        report.problems += parsed.problems
        if let total { progress?(parsed.read, total) }
        if !parsed.events.isEmpty { return Ledger.Part(events: parsed.events, lines: parsed.lines) }
      }
      return nil
    }
    report.problems = byLine(report.problems + outcome.problems)
    report.imported = outcome.summary.seqs.map { Int($0.upperBound - $0.lowerBound + 1) } ?? 0
    report.seqs = outcome.summary.seqs
    report.alreadyPresent = outcome.summary.alreadyPresent
    report.headHash = outcome.summary.headHash
    guard outcome.summary.events > 0 || !report.problems.isEmpty else {
      throw ServiceError(.badInput, "The file is empty: there is nothing to import.")
    }
    return report
  }

  /// Imports `input` (JSON Lines) into the ledger's journal as one commit.
  public static func run(
    _ input: [UInt8], into ledger: Ledger, dryRun: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Report {
    var report = Report()
    let t0 = Trace.now()
    let parsed = try events(input, collect: dryRun, progress: progress)
    Trace.log("parse+check lines", since: t0)
    report.lines = parsed.count
    report.problems = parsed.problems
    guard !parsed.events.isEmpty else { return report }
    let batch = Batch(lines: parsed.lines, count: parsed.events.count)
    if dryRun {
      let t1 = Trace.now()
      report.problems += try ledger.dryRun(parsed.events, batch: batch)
      Trace.log("journal + integrity checks", since: t1)
      report.problems = byLine(report.problems)
      return report
    }
    report.record(try ledger.append(normalized: parsed.events, batch: batch))
    return report
  }
}
