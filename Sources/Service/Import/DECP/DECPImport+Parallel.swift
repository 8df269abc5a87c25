import Dispatch
import Domain
import Journal

extension DECPImport {
  /// Records taken from a JSON file: their bytes, one after the other.
  struct RecordBatch {
    var bytes: [UInt8] = []
    var items: [(number: Int, range: Range<Int>)] = []

    mutating func add(_ item: DECPJSONSplitter.Item) {
      let start = bytes.count
      bytes += item.bytes
      items.append((item.number, start..<bytes.count))
    }
  }

  /// One record examined, and, when asked, its event made ready for the journal.
  struct Examination: Sendable {
    var number: Int
    var examined: DECPExamined
    var normalized: Result<NewEvent, DomainError>? = nil
  }

  /// Parses and examines the records of `batch` on every core, in the file's order;
  /// nil when one of them is not JSON (the whole-file reader then says where).
  static func examine(
    _ batch: RecordBatch, version: DECPVersion, facts: DECPFacts, options: Options, normalize: Bool
  ) -> [Examination]? {
    let count = batch.items.count
    guard count > 0 else { return [] }
    let chunks = max(1, min(ProcessorCount.value * 4, count / 256))
    let per = (count + chunks - 1) / chunks
    let box = ChunkResults<[Examination]?>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var out: [Examination] = []
      let mine = min(count, c * per)..<min(count, (c + 1) * per)
      out.reserveCapacity(mine.count)
      let ok = batch.bytes.withUnsafeBufferPointer { buffer -> Bool in
        for k in mine {
          let (number, range) = batch.items[k]
          guard let value = try? JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[range])) else { return false }
          out.append(examine(number: number, value, version: version, facts: facts, options: options, normalize: normalize))
        }
        return true
      }
      box.set(c, ok ? out : nil)
    }
    var all: [Examination] = []
    all.reserveCapacity(count)
    for c in 0..<chunks {
      guard let part = box.take(c), let part else { return nil }
      all += part
    }
    return all
  }

  /// One list item of `marches`, as ``DECPDocument`` reads it: a v1.5 concession is set aside.
  static func examine(
    number: Int, _ item: JSONValue, version: DECPVersion, facts: DECPFacts, options: Options, normalize: Bool
  ) -> Examination {
    guard case .object(let members) = item else {
      let problems = ["the record is \(DECPFields.describe(item)); expected an object (one contract)"]
      return Examination(number: number, examined: .refused(number: number, place: DECPRecord.place(number, uid: nil), problems: problems))
    }
    if version == .v15, members["autoriteConcedante"] != nil || members["_type"]?.stringValue == "Contrat de concession" {
      return Examination(number: number, examined: .concession)
    }
    let examined = DECPExamined.examine(
      number: number, members: members, problems: [], version: version, textScalars: false, facts: facts, options: options)
    var out = Examination(number: number, examined: examined)
    if normalize, case .mapped(let m) = examined, case .success(let event) = m.event {
      out.normalized = Result { () throws(DomainError) in try Ledger.normalize(event) }
    }
    return out
  }

  /// Where the JSON value of a file starts (after a byte-order mark and blanks), if it is an object.
  static func jsonStart(_ bytes: [UInt8]) -> Int? {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    return start < bytes.count && bytes[start] == UInt8(ascii: "{") ? start : nil
  }

  /// A JSON file held whole, its records read on every core: what ``convert(_:facts:options:)`` gives for
  /// its ``DECPDocument``; nil when the file is not one this walk reads (the whole-file reader then does).
  static func convertSplit(_ bytes: [UInt8], facts: DECPFacts, options: Options) throws(ServiceError) -> (Staged, Report)? {
    guard let start = jsonStart(bytes) else { return nil }
    let splitter = DECPJSONSplitter(bytes: bytes, start: start)
    var batch = RecordBatch()
    do throws(SplitError) {
      while let item = try splitter.next() { batch.add(item) }
    } catch {
      guard case .failed(let e) = error else { return nil }
      throw e
    }
    guard let version = splitter.version,
      let examined = examine(batch, version: version, facts: facts, options: options, normalize: false)
    else { return nil }
    var staging = Staging()
    staging.report.version = version.rawValue
    staging.report.syntax = "JSON"
    for e in examined { staging.take(e.examined, number: e.number) }
    let records = examined.count - staging.report.skippedConcessions
    if version == .v2 { staging.report.skippedConcessions = splitter.concessionsInMarches + splitter.concessionsAtTop }
    staging.report.records = records
    staging.staged.converted.count = records
    return (staging.staged, staging.report)
  }
}
