import Dispatch
import Journal

#if canImport(Glibc)
  import Glibc
#endif

/// `ess import`: a JSON Lines file as ONE all-or-nothing commit, or, with
/// `dryRun`, every problem of every line without writing anything.
///
/// ```swift
/// let report = try Importer.run(bytes, into: ledger, dryRun: true)
/// for problem in report.problems { print(problem) }   // "Line 7: Field 'books' must be …"
/// ```
public enum Importer {
  /// What an import did or would do.
  public struct Report: Sendable {
    public var lines = 0
    /// The events committed (empty for a dry run or a refusal).
    public var appended: [Appended] = []
    /// Every problem found (a dry run lists them all; a real import stops at the first).
    public var problems: [CatalogError] = []
    /// Of the appended, how many were already in the journal (same id, same content).
    public var alreadyPresent: Int { appended.filter(\.existed).count }
  }

  /// Splits `input` into events, parsing and checking lines on every core.
  /// Blank lines are skipped; errors carry their line number. With
  /// `collect`, every bad line is reported instead of stopping at the first.
  static func events(
    _ input: [UInt8], collect: Bool, progress: (@Sendable (Int, Int) -> Void)?
  ) throws(CatalogError) -> (events: [NewEvent], lines: [Int], problems: [CatalogError], count: Int) {
    guard input.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw CatalogError(.missingField, "The file is empty: there is nothing to import.", field: nil)
    }
    // Pass 1 (cheap): where each non-blank line is.
    var spans: [(line: Int, range: Range<Int>)] = []
    // A UTF-8 byte-order mark (spreadsheet exports) is not part of the first line.
    var start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 0
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
    let chunks = max(1, min(ProcessorCount.value, spans.count / 1000))
    let box = ChunkSlots<(events: [NewEvent], lines: [Int], problems: [CatalogError])>(count: chunks, empty: ([], [], []))
    let linesDone = SharedCount()
    let per = (spans.count + chunks - 1) / chunks
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var events: [NewEvent] = []
      var lines: [Int] = []
      var problems: [CatalogError] = []
      let mine = all[min(all.count, c * per)..<min(all.count, (c + 1) * per)]
      // The first chunk's array becomes the result: room for every line, so the others are appended without a move.
      events.reserveCapacity(c == 0 ? all.count : mine.count)
      lines.reserveCapacity(c == 0 ? all.count : mine.count)
      // Borrow the input once: slicing the shared array per line would retain and
      // release its buffer from both threads at once (a contended atomic).
      input.withUnsafeBufferPointer { buffer in
        for (k, span) in mine.enumerated() {
          if let progress, k % 5000 == 4999 { progress(linesDone.add(5000) * total / all.count, total) }
          do throws(CatalogError) {
            if span.range.count > EnvelopeRules.maxLineBytes {
              throw CatalogError(
                .invalidValue,
                "The line is \(span.range.count) bytes long; an event may take at most \(EnvelopeRules.maxLineBytes) bytes.",
                field: nil, line: span.line)
            }
            let line = UnsafeBufferPointer(rebasing: buffer[span.range])
            events.append(try Ledger.normalize(try ImportLine.parse(line, line: span.line)))
            lines.append(span.line)
          } catch {
            problems.append(error.line == nil ? error.at(line: span.line) : error)
            if !collect { break }
          }
        }
      }
      box.set(c, (events, lines, problems))
    }
    var events: [NewEvent] = []
    var lines: [Int] = []
    var problems: [CatalogError] = []
    for c in 0..<chunks {
      let r = box.take(c)
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

  /// Imports `input` (JSON Lines) into the ledger's journal as one commit.
  public static func run(
    _ input: [UInt8], into ledger: Ledger, dryRun: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> Report {
    var report = Report()
    let t0 = Trace.now()
    let parsed = try events(input, collect: dryRun, progress: progress)
    Trace.log("parse+check lines", since: t0)
    report.lines = parsed.count
    report.problems = parsed.problems
    guard !parsed.events.isEmpty else { return report }
    if dryRun {
      let t1 = Trace.now()
      report.problems += try ledger.dryRun(parsed.events, lines: parsed.lines)
      Trace.log("journal + integrity checks", since: t1)
      return report
    }
    do {
      report.appended = try ledger.append(normalized: parsed.events, lines: parsed.lines)
    } catch let error as CatalogError {
      report.problems = [error]
      throw error
    }
    return report
  }
}

/// Per-chunk results of a parallel pass: each chunk writes only its own slot.
final class ChunkSlots<T>: @unchecked Sendable {
  private var slots: [T]
  private let empty: T
  private let lock = NSLockFree()
  init(count: Int, empty: T) {
    slots = Array(repeating: empty, count: count)
    self.empty = empty
  }
  func set(_ i: Int, _ r: T) { lock.sync { slots[i] = r } }
  /// The slot's result, moved out (the slot is emptied, so arrays stay unique: no copy).
  func take(_ i: Int) -> T {
    lock.sync {
      defer { slots[i] = empty }
      return slots[i]
    }
  }
}

/// A count that several threads add to.
final class SharedCount: @unchecked Sendable {
  private var value = 0
  private let lock = NSLockFree()
  /// Adds `n`; returns the new total.
  func add(_ n: Int) -> Int {
    lock.sync {
      value += n
      return value
    }
  }
}

/// A mutex without Foundation.
final class NSLockFree: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  init() { pthread_mutex_init(&mutex, nil) }
  deinit { pthread_mutex_destroy(&mutex) }
  func sync<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return body()
  }
}

enum ProcessorCount {
  static let value: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// `ESS_TRACE=1`: phase timings on standard error (for profiling imports).
enum Trace {
  static let on = getenv("ESS_TRACE") != nil
  static func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }
  static func log(_ what: String, since start: UInt64) {
    guard on else { return }
    let ms = Double(now() - start) / 1e6
    var line = Array("ess trace: \(what) \(ms) ms\n".utf8)
    _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}
