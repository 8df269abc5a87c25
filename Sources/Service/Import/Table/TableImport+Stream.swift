import Dispatch
import Domain
import Journal

/// Large tables: typed, checked and committed a part at a time, as a large
/// JSON Lines file is (``Ledger/appendStream(dryRun:next:)``): the commit is
/// staged on disk, one all-or-nothing commit still, and only a part of the
/// events is held in memory at once.
extension TableImport {
  /// Tables with more rows than this are imported a part at a time.
  static let streamAbove = 65_536
  /// Rows typed and checked at a time when streaming.
  static let partRows = 32_768

  /// Imports `table`'s rows a part at a time; problems are placed by row (and column).
  static func stream(
    _ table: SheetTable, readProblems: [ServiceError], columns: TableColumns, type: any DomainEvent.Type, options: Options,
    into ledger: Ledger, dryRun: Bool
  ) throws(ServiceError) -> Importer.Report {
    if !dryRun, let first = Importer.byLine(readProblems).first { throw first }
    let rows = table.rows
    var start = 0
    return try stream(columns: columns, readProblems: readProblems, into: ledger, dryRun: dryRun) {
      () throws(ServiceError) -> StreamPart? in
      guard start < rows.count else { return nil }
      let slice = rows[start..<min(rows.count, start + partRows)]
      start += partRows
      return StreamPart(rows: slice.count, typed: normalized(slice, columns: columns, type: type, options: options))
    }
  }

  /// A part of a streamed table: how many rows were read, what they gave, and the rows refused while reading them.
  struct StreamPart {
    var rows: Int
    var typed: (events: [NewEvent], lines: [Int], problems: [ServiceError])
    var readProblems: [ServiceError] = []
  }

  /// Commits the parts `next` gives as one commit; a real import stops at a part's first problem.
  static func stream(
    columns: TableColumns, readProblems: [ServiceError] = [], into ledger: Ledger, dryRun: Bool,
    next: () throws(ServiceError) -> StreamPart?
  ) throws(ServiceError) -> Importer.Report {
    var report = Importer.Report()
    report.streamed = true
    report.lines = readProblems.count
    report.problems = readProblems
    let outcome: Ledger.StreamOutcome
    do {
      outcome = try ledger.appendStream(dryRun: dryRun) { () throws(ServiceError) -> Ledger.Part? in
        while let part = try next() {
          report.lines += part.rows + part.readProblems.count
          let problems = part.readProblems + part.typed.problems
          if !dryRun, let first = Importer.byLine(problems).first { throw first }
          report.problems += problems
          if !part.typed.events.isEmpty { return Ledger.Part(events: part.typed.events, lines: part.typed.lines) }
        }
        return nil
      }
    } catch {
      throw columns.placing(error)
    }
    guard report.lines > 0 else { throw TableImport.noRows }
    report.problems = Importer.byLine(report.problems + outcome.problems).map(columns.placing)
    report.imported = outcome.summary.seqs.map { Int($0.upperBound - $0.lowerBound + 1) } ?? 0
    report.seqs = outcome.summary.seqs
    report.alreadyPresent = outcome.summary.alreadyPresent
    report.headHash = outcome.summary.headHash
    return report
  }

  /// The events of `rows`, typed and made canonical by the catalog on every core, with their rows, and every problem.
  static func normalized(
    _ rows: ArraySlice<SheetTable.Row>, columns: TableColumns, type: any DomainEvent.Type, options: Options,
    cores: Int = ProcessorCount.value
  ) -> (events: [NewEvent], lines: [Int], problems: [ServiceError]) {
    let chunks = max(1, min(cores, rows.count / 2000))
    let per = (rows.count + chunks - 1) / chunks
    let results = ChunkResults<(events: [NewEvent], lines: [Int], problems: [ServiceError])>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var events: [NewEvent] = []
      var lines: [Int] = []
      var problems: [ServiceError] = []
      let low = rows.startIndex + min(rows.count, c * per)
      let high = rows.startIndex + min(rows.count, (c + 1) * per)
      events.reserveCapacity(high - low)
      lines.reserveCapacity(high - low)
      for row in rows[low..<high] {
        guard let event = self.event(of: row, columns: columns, type: type, options: options, problems: &problems) else { continue }
        do throws(DomainError) {
          events.append(try Ledger.normalize(event))
          lines.append(row.number)
        } catch {
          problems.append(ServiceError(error, at: .init(line: row.number, place: "Row \(row.number)")))
        }
      }
      results.set(c, (events, lines, problems))
    }
    var out: (events: [NewEvent], lines: [Int], problems: [ServiceError]) = ([], [], [])
    for c in 0..<chunks {
      guard let part = results.take(c) else { continue }
      if c == 0 {
        out = part
      } else {
        out.events += part.events
        out.lines += part.lines
        out.problems += part.problems
      }
    }
    return out
  }
}
