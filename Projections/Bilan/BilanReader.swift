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

  public init(journal path: String) throws(JournalError) {
    _ = try Reader(at: path)
    self.path = path
  }

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
    var state = BilanProjection.initial
    let reader = try Reader(at: path)
    let lookup = RecordLookup(reader)
    var it = try reader.records()
    while let r = try it.next() {
      if let limit, r.recordedAt >= limit { break }  // recordedAt never decreases along seq
      try BilanProjection.apply(r, lookup: lookup.record, to: &state)
    }
    return state
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
