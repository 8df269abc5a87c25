import Domain
import Journal

extension DECPImport {
  /// Bytes of records read, examined and handed to the journal at a time in a streamed import.
  static let partBytes = 4 << 20

  /// Why a streamed import stopped without an answer of its own.
  enum StreamStop: Error {
    /// The walk met something the whole-file reader must say.
    case unexpected
    /// The journal holds an id of the file: read it again, looking each id up.
    case idTaken
  }

  /// Imports a large DECP JSON file a part at a time as ONE commit staged on disk
  /// (``Ledger/appendStream(dryRun:next:)``): records read, parsed and mapped on
  /// every core, a part of about ``partBytes`` at a time, so that memory stays that of
  /// a few parts and the integrity model, whatever the file's size.
  ///
  /// With `lookUpIds`, the id of every event is looked up in the journal
  /// (``Journal/Reader/record(id:)``) and set against what is there, as
  /// ``reconcile(_:report:ledger:options:)`` does; without, an id the journal
  /// holds with other content stops the import (`.idTaken`), which the caller runs
  /// again with `lookUpIds`.
  ///
  /// - Returns: the report, or why the caller must take another way.
  /// - Parameter opened: the file already opened and its first bytes read, if they are (else `path` is opened).
  static func streamed(
    _ path: String, opened: (input: InputFile, head: [UInt8])? = nil, facts: DECPFacts, ledger: Ledger, options: Options,
    dryRun: Bool, lookUpIds: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Result<Report, StreamStop> {
    let input: InputFile
    let head: [UInt8]
    if let opened {
      (input, head) = opened
    } else {
      input = try InputFile(path)
      head = try input.read(upTo: partBytes)
    }
    guard let start = jsonStart(head) else { return .failure(.unexpected) }
    let splitter = DECPJSONSplitter(input: input, head: head, start: start)
    var staging = Staging()
    var items = 0
    var problems: [ServiceError] = []
    var stop: StreamStop? = nil
    let sentinel = ServiceError(.badInput, "The DECP file is read again.")
    // Records split, parsed, mapped and made canonical one part ahead, while the ledger commits the part before.
    let parts = ReadAhead { () throws(ServiceError) -> (Result<[Examination], StreamStop>, read: Int?)? in
      var batch = RecordBatch()
      do throws(SplitError) {
        while batch.bytes.count < partBytes, let item = try splitter.next() { batch.add(item) }
      } catch {
        guard case .failed(let e) = error else { return (.failure(.unexpected), nil) }
        throw e
      }
      guard !batch.items.isEmpty else { return nil }
      guard let version = splitter.version, let examined = examine(batch, version: version, facts: facts, options: options, normalize: true)
      else { return (.failure(.unexpected), nil) }
      return (.success(examined), input.position)
    }
    defer { parts.finish() }
    let outcome: Ledger.StreamOutcome
    do throws(ServiceError) {
      outcome = try ledger.appendStream(dryRun: dryRun) { () throws(ServiceError) -> Ledger.Part? in
        while true {
          guard let (prepared, read) = try parts.next() else { return nil }
          if let read, let total = input.size { progress?(min(read, total), total) }
          let examined: [Examination]
          switch prepared {
          case .success(let e): examined = e
          case .failure(let why):
            stop = why
            throw sentinel
          }
          items += examined.count
          var normalized: [Result<NewEvent, DomainError>] = []
          for e in examined {
            let before = staging.staged.converted.events.count
            staging.take(e.examined, number: e.number)
            if staging.staged.converted.events.count > before, let n = e.normalized { normalized.append(n) }
          }
          var staged = staging.staged
          staging.staged = Staged()
          if !dryRun, let first = Importer.byLine(staged.converted.problems).first { throw first }
          if lookUpIds {
            let existing = try existingRecords(staged.converted.events, ledger: ledger)
            if !existing.isEmpty {
              try settle(&staged, existing: existing, report: &staging.report, ledger: ledger, options: options)
              // Some left the batch or became corrections: made ready again.
              normalized = staged.converted.events.map { e in Result { () throws(DomainError) in try Ledger.normalize(e) } }
            }
          }
          // The reader's problems, and the records the journal holds with other content (in the order of the records).
          let found = Importer.byLine(staged.converted.problems)
          if !dryRun, let first = found.first { throw first }
          problems += found
          var part = Ledger.Part(events: [], lines: [], places: [])
          for (i, origin) in staged.converted.origins.enumerated() {
            switch normalized[i] {
            case .success(let event):
              part.events.append(event)
              part.lines.append(origin.number)
              part.places!.append(origin.place)
            case .failure(let error):
              let problem = ServiceError(error, at: .init(line: origin.number, place: origin.place))
              if !dryRun { throw problem }
              problems.append(problem)
            }
          }
          if !part.events.isEmpty { return part }
        }
      }
    } catch {
      if let stop { return .failure(stop) }
      if !lookUpIds, error.code == .conflictingID { return .failure(.idTaken) }
      throw error
    }
    var report = staging.report
    guard let version = splitter.version else { return .failure(.unexpected) }
    report.version = version.rawValue
    report.syntax = "JSON"
    report.records = items - report.skippedConcessions
    if version == .v2 { report.skippedConcessions = splitter.concessionsInMarches + splitter.concessionsAtTop }
    report.problems = Importer.byLine(problems + outcome.problems)
    let written = outcome.summary.seqs.map { Int($0.upperBound - $0.lowerBound + 1) } ?? 0
    report.imported = dryRun ? 0 : written - report.corrected
    if !dryRun { report.alreadyPresent += outcome.summary.alreadyPresent }
    report.seqs = dryRun ? nil : outcome.summary.seqs
    report.headHash = dryRun ? nil : outcome.summary.headHash
    return .success(report)
  }

  /// The contract events the journal holds with the ids of `events`, by index (each looked up by id).
  static func existingRecords(_ events: [NewEvent], ledger: Ledger) throws(ServiceError) -> [Int: Record] {
    try Importer.existingRecords(events, ledger: ledger).filter { $0.value.type == EventKind.procurementContractAwarded.rawValue }
  }
}
