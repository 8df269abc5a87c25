import Journal

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

  /// Splits `input` into events. Blank lines are skipped; errors carry their line number.
  /// With `collect`, every bad line is reported instead of stopping at the first.
  static func events(
    _ input: [UInt8], collect: Bool, progress: ((Int, Int) -> Void)?
  ) throws(CatalogError) -> (events: [NewEvent], lines: [Int], problems: [CatalogError], count: Int) {
    guard input.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw CatalogError(.missingField, "The file is empty: there is nothing to import.", field: nil)
    }
    var events: [NewEvent] = []
    var lineNumbers: [Int] = []
    var problems: [CatalogError] = []
    // A UTF-8 byte-order mark (spreadsheet exports) is not part of the first line.
    var start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 0
    let total = input.count
    while start < total {
      var end = start
      while end < total && input[end] != 0x0A { end += 1 }
      line += 1
      var slice = input[start..<end]
      if slice.last == 0x0D { slice = slice.dropLast() }
      if line % 20_000 == 0 { progress?(start, total) }
      start = end + 1
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      do throws(CatalogError) {
        if slice.count > EnvelopeRules.maxLineBytes {
          throw CatalogError(
            .invalidValue, "The line is \(slice.count) bytes long; an event may take at most \(EnvelopeRules.maxLineBytes) bytes.",
            field: nil, line: line)
        }
        var event = try ImportLine.parse(slice, line: line)
        event = try Ledger.normalize(event)
        events.append(event)
        lineNumbers.append(line)
      } catch {
        let e = error.line == nil ? error.at(line: line) : error
        if !collect { throw e }
        problems.append(e)
      }
    }
    progress?(total, total)
    return (events, lineNumbers, problems, line)
  }

  /// Imports `input` (JSON Lines) into the ledger's journal as one commit.
  public static func run(
    _ input: [UInt8], into ledger: Ledger, dryRun: Bool, progress: ((Int, Int) -> Void)? = nil
  ) throws -> Report {
    var report = Report()
    let parsed = try events(input, collect: dryRun, progress: progress)
    report.lines = parsed.count
    report.problems = parsed.problems
    guard !parsed.events.isEmpty else { return report }
    if dryRun {
      report.problems += try ledger.dryRun(parsed.events, lines: parsed.lines)
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
