import Domain
import Journal
import Projections

/// Reads a journal into bilans: any year, as known on any date.
///
/// ```swift
/// let reader = try BilanReader(journal: "journal")
/// let today = try reader.bilan(year: 2022)
/// let then = try reader.bilan(year: 2022, asKnownOn: "2023-03-31")   // corrections recorded later not applied
/// ```
public struct BilanReader: Sendable {
  public let path: String
  /// Start from the saved checkpoint when it is valid (false: fold from the start).
  public var useCheckpoint: Bool
  /// A full fold that went this many events past the checkpoint saves a new one.
  public var checkpointEvery: UInt64 = 1000
  let reader: Reader
  let checkpoints: BilanCheckpoint

  /// A reader of the journal at `path`.
  /// - Parameter io: the file layer its checkpoint is written through (tests inject or record).
  /// - Throws: ``ServiceError`` `.notAJournal` if there is none.
  public init(journal path: String, useCheckpoint: Bool = true, io: any FileIO = POSIXFileIO()) throws(ServiceError) {
    do {
      reader = try Reader(at: path)
      checkpoints = BilanCheckpoint(cache: try JournalCache(journal: path, io: io))
    } catch {
      throw ServiceError(error)
    }
    self.path = path
    self.useCheckpoint = useCheckpoint
  }

  /// The first instant NOT included by a cut: a date is the end of that day in
  /// Europe/Paris, a date-time is exact (events recorded at or before it count).
  public static func cutLimit(_ text: String) -> Timestamp? {
    if text.utf8.count == 10 {
      guard let d = CivilDate(iso: text) else { return nil }
      return ParisTime.endOfDay(d)
    }
    guard let t = Timestamp(rfc3339WithOffset: text) else { return nil }
    return Timestamp(millisecondsSince1970: t.millisecondsSince1970 + 1)
  }

  /// The cut `--as-known-on` names, as the first instant it leaves out (nil: no cut).
  /// - Throws: ``ServiceError`` `.badInput` for text that is neither a date nor an RFC 3339 date-time with its offset.
  static func limit(_ asKnownOn: String?) throws(ServiceError) -> Timestamp? {
    guard let asKnownOn else { return nil }
    guard let l = cutLimit(asKnownOn) else {
      throw ServiceError(
        .badInput, "--as-known-on expects a date YYYY-MM-DD or an RFC 3339 date-time with its offset; got '\(asKnownOn.prefix(40))'.",
        at: .init(field: "asKnownOn"))
    }
    return l
  }

  /// The fold of every event recorded before `limit` (all events if nil), among the first `treeSize` (all if nil).
  /// - Throws: ``ServiceError`` if the journal cannot be read (damage is named).
  public func state(recordedBefore limit: Timestamp? = nil, treeSize: UInt64? = nil) throws(ServiceError) -> BilanProjection.State {
    do {
      var state = useCheckpoint ? (checkpoints.load(reader: reader, before: limit) ?? .init()) : .init()
      if let treeSize, state.seq > treeSize { state = .init() }  // a checkpoint past the tree is ignored
      let start = state.seq
      try read(from: start + 1, recordedBefore: limit, treeSize: treeSize) { r, lookup in
        try BilanProjection.apply(r, lookup: lookup, to: &state)
      }
      if limit == nil && treeSize == nil && state.seq >= start + checkpointEvery { checkpoints.save(state) }
      state.last = state.last?.detached()  // not the whole frame it was read from
      return state
    } catch {
      throw ServiceError.wrap(error)
    }
  }

  /// Calls `body` with each record from `seq` on, recorded before `limit` and among the first `treeSize`
  /// events, reading ahead on a second thread; `body` is also handed the lookup corrections need.
  func read(
    from seq: UInt64, recordedBefore limit: Timestamp?, treeSize: UInt64?,
    _ body: (Record, (UInt64) throws -> any StoredEvent) throws -> Void
  ) throws {
    let lookup = RecordLookup(reader)
    var it = try reader.records(from: seq, readAhead: true)
    while let r = try it.next() {
      if let limit, r.recordedAt >= limit { break }  // recordedAt never decreases along seq
      if let treeSize, r.seq > treeSize { break }
      try body(r, lookup.record)
    }
  }

  /// `ess rebuild`: folds the whole journal from the start and saves the checkpoint at its head.
  /// - Returns: the seq folded up to, and the checkpoint's size.
  /// - Throws: ``ServiceError`` if the journal cannot be read or the checkpoint written.
  @discardableResult
  public func rebuild() throws(ServiceError) -> (seq: UInt64, bytes: Int) {
    var fresh = self
    fresh.useCheckpoint = false
    fresh.checkpointEvery = .max
    let state = try fresh.state()
    do {
      return (state.seq, try checkpoints.saveOrFail(state))
    } catch {
      throw ServiceError(error)
    }
  }

  /// The bilan of `year`, as known on `asKnownOn` (a date, the end of that day in Paris, or an exact date-time).
  /// - Throws: ``ServiceError`` `.badInput` for a cut that is neither, or if the journal cannot be read.
  public func bilan(year: Int, asKnownOn: String? = nil, treeSize: UInt64? = nil) throws(ServiceError) -> Bilan {
    let limit = try Self.limit(asKnownOn)
    let s = try state(recordedBefore: limit, treeSize: treeSize)
    var bilan = s.figures.bilan(year: year, asKnownOn: asKnownOn, journalSeq: s.seq, journalHash: s.hash)
    bilan.changes = bilan.changes(since: s.figures.bilan(year: year - 1, asKnownOn: asKnownOn, journalSeq: s.seq, journalHash: s.hash))
    return bilan
  }

  /// How indicator `key` of `year` evolved, and why (one pass over the journal).
  /// - Throws: ``ServiceError`` `.badInput` for a key that is no indicator of the bilan.
  public func history(key: String, year: Int) throws(ServiceError) -> IndicatorHistory {
    var fold = IndicatorHistoryFold(key: key, year: year)
    guard fold.emptyValue != .null || key.hasPrefix("reported.") || BilanReader.isIndicatorKey(key) else {
      throw ServiceError(
        .badInput,
        "'\(key)' is not an indicator of the bilan; 'ess bilan \(year) --format csv' lists the keys (reported figures are reported.<indicator>).",
        at: .init(field: "KEY"))
    }
    do {
      let lookup = RecordLookup(reader)
      var it = try reader.records(from: 1, readAhead: true)
      while let r = try it.next() { try fold.apply(r, lookup: lookup.record) }
    } catch {
      throw ServiceError.wrap(error)
    }
    return fold.finish()
  }

  /// Whether `key` is one of the fixed indicators of BILAN.md.
  public static func isIndicatorKey(_ key: String) -> Bool {
    BilanState().bilan(year: 2000, asKnownOn: nil, journalSeq: 0, journalHash: .zero).value(key) != nil
  }
}
