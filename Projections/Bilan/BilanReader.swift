import Journal

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

  public init(journal path: String, useCheckpoint: Bool = true) throws(JournalError) {
    _ = try Reader(at: path)
    self.path = path
    self.useCheckpoint = useCheckpoint
  }

  var checkpointPath: String { path + "/index/bilan.ckpt" }

  /// The first instant NOT included by a cut: a date is the end of that day in
  /// Europe/Paris, a date-time is exact (events recorded at or before it count).
  public static func cutLimit(_ text: String) -> Timestamp? {
    if text.utf8.count == 10 {
      guard let d = CivilDate(iso: text) else { return nil }
      return ParisTime.endOfDay(d)
    }
    guard let t = ParisTime.instant(of: Array(text.utf8)) else { return nil }
    return Timestamp(millisecondsSince1970: t.millisecondsSince1970 + 1)
  }

  /// The fold of every event recorded before `limit` (all events if nil).
  public func state(recordedBefore limit: Timestamp? = nil) throws -> BilanProjection.State {
    let reader = try Reader(at: path)
    var state = useCheckpoint ? (checkpoint(reader: reader, before: limit) ?? .init()) : .init()
    let start = state.seq
    let lookup = RecordLookup(reader)
    var it = try reader.records(from: start + 1, readAhead: true)
    while let r = try it.next() {
      if let limit, r.recordedAt >= limit { break }  // recordedAt never decreases along seq
      try BilanProjection.apply(r, lookup: lookup.record, to: &state)
    }
    if limit == nil && state.seq >= start + checkpointEvery { save(state) }
    state.last = state.last?.detached()  // not the whole frame it was read from
    return state
  }

  /// The saved state, if it is intact, of this code version, of THIS journal
  /// (its last line is the journal's own line at that seq) and recorded before `limit`.
  func checkpoint(reader: Reader, before limit: Timestamp?) -> BilanProjection.State? {
    guard let bytes = CacheFile.read(checkpointPath), let state = BilanProjection.decode(bytes) else { return nil }
    guard let last = state.last else { return state }
    if let limit, last.recordedAt >= limit { return nil }
    guard let actual = try? reader.record(seq: last.seq), actual == last else { return nil }
    return state
  }

  func save(_ state: BilanProjection.State) {
    CacheFile.write(BilanProjection.encode(state), to: checkpointPath)
  }

  /// `ess rebuild`: folds the whole journal from the start and saves the checkpoint at its head.
  @discardableResult
  public func rebuild() throws -> (seq: UInt64, bytes: Int) {
    var fresh = self
    fresh.useCheckpoint = false
    fresh.checkpointEvery = .max
    let state = try fresh.state()
    let bytes = BilanProjection.encode(state)
    guard CacheFile.write(bytes, to: checkpointPath) else {
      throw JournalError(.ioFailure, "Could not write the checkpoint \(checkpointPath).", at: .init(file: checkpointPath))
    }
    return (state.seq, bytes.count)
  }

  public func bilan(year: Int, asKnownOn: String? = nil) throws -> Bilan {
    var limit: Timestamp? = nil
    if let asKnownOn {
      guard let l = BilanReader.cutLimit(asKnownOn) else {
        throw JournalError(
          .invalidInput, "--as-known-on expects a date YYYY-MM-DD or an RFC 3339 date-time with its offset; got '\(asKnownOn.prefix(40))'.",
          at: .init(field: "asKnownOn"))
      }
      limit = l
    }
    let s = try state(recordedBefore: limit)
    return s.figures.bilan(year: year, asKnownOn: asKnownOn, journalSeq: s.seq, journalHash: s.hash)
  }
}
